package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest(name = "{0} fen = {1}")
    @CsvSource({
        "0, 零元整",
        "5, 伍分",
        "50, 伍角整",
        "55, 伍角伍分",
        "100, 壹元整",
        "105, 壹元零伍分",
        "150, 壹元伍角整",
        "1000, 壹拾元整",
        "100100, 壹仟零壹元整",
        "101000, 壹仟零壹拾元整",
        "110000, 壹仟壹佰元整",
        "1000000, 壹万元整",
        "1000100, 壹万零壹元整",
        "10000000, 壹拾万元整",
        "10000100, 壹拾万零壹元整",
        "10010000, 壹拾万零壹佰元整",
        "125000000, 壹佰贰拾伍万元整",
        "10000000000, 壹亿元整",
        "10000100000, 壹亿零壹仟元整",
        "10005000000, 壹亿零伍万元整",
        "10050000000, 壹亿零伍拾万元整",
        "12000000000, 壹亿贰仟万元整",
        "100010000000000, 壹万零壹亿元整",
        "123456789012, 壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分",
        "9223372036854775807, 玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分"
    })
    void amountsAreWrittenInCapitalNumerals(long fen, String words) {
        assertThat(ChineseAmount.inWords(fen)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource({"-1"})
    void negativeAmountsHaveNoWords(long fen) {
        assertThatThrownBy(() -> ChineseAmount.inWords(fen)).isInstanceOf(IllegalArgumentException.class);
    }
}
