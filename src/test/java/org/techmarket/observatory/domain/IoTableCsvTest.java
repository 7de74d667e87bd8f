package org.techmarket.observatory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The reader takes decompr's and WIOD's layout and refuses files that do not fit together. */
class IoTableCsvTest {

    private static final String USE = "\"row\",\"A.x\",\"A.y\",\"B.x\",\"B.y\"\n"
            + "\"A.x\",1,2,3,4\n\"A.y\",1,1,1,1\n\"B.x\",0,0,2,2\n\"B.y\",5,0,0,1\n";
    private static final String OUTPUT = "\"row\",\"output\"\n\"A.x\",20\n\"A.y\",10\n\"B.x\",9\n\"B.y\",12\n";

    @Test
    void finalDemandCategoriesAreSummedByAbsorbingCountry() {
        String demand = "row,A.C01,A.C02,B.C01,B.C02\nA.x,1,1,2,1\nA.y,1,1,1,1\nB.x,1,1,1,1\nB.y,1,1,2,2\n";
        IoTable table = read(USE, demand, OUTPUT);
        assertThat(table.countries()).containsExactly("A", "B");
        assertThat(table.industries()).containsExactly("x", "y");
        assertThat(table.finalDemand().get(0, 0)).isEqualTo(2);
        assertThat(table.finalDemand().get(0, 1)).isEqualTo(3);
        assertThat(table.output(3)).isEqualTo(12);
        // Row B.y: 6 of intermediate use and 6 of final demand; published as 12, so already balanced there.
        assertThat(table.balanced().output(3)).isEqualTo(12);
        assertThat(table.balanced().output(0)).isEqualTo(15);
    }

    @Test
    void aFileWhoseRowsDoNotMatchIsRefused() {
        String demand = "row,A,B\nA.x,1,1\nA.y,1,1\nB.y,1,1\nB.x,1,1\n";
        assertThatThrownBy(() -> read(USE, demand, OUTPUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows of intermediate use");
    }

    @Test
    void countriesWithDifferentIndustriesAreRefused() {
        String use = "row,A.x,A.y,B.x,B.z\nA.x,1,2,3,4\nA.y,1,1,1,1\nB.x,0,0,2,2\nB.z,5,0,0,1\n";
        String demand = "row,A,B\nA.x,1,1\nA.y,1,1\nB.x,1,1\nB.z,1,1\n";
        String output = "row,output\nA.x,1\nA.y,1\nB.x,1\nB.z,1\n";
        assertThatThrownBy(() -> read(use, demand, output))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B does not list the industries");
    }

    @Test
    void aCellThatIsNoNumberIsRefused() {
        String demand = "row,A,B\nA.x,1,1\nA.y,1,n/a\nB.x,1,1\nB.y,1,1\n";
        assertThatThrownBy(() -> read(USE, demand, OUTPUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n/a");
    }

    @Test
    void aSingularSystemIsRefused() {
        // A.x uses all of its own output and more: I − A has no inverse that makes sense.
        String use = "row,A.x\nA.x,10\n";
        IoTable table = read(use, "row,A\nA.x,0\n", "row,output\nA.x,10\n");
        assertThatThrownBy(() -> LeontiefModel.of(table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("singular");
    }

    private static IoTable read(String use, String demand, String output) {
        return IoTableCsv.read(new StringReader(use), new StringReader(demand), new StringReader(output));
    }
}
