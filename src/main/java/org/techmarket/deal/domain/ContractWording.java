package org.techmarket.deal.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.ChineseAmount;
import org.techmarket.shared.Money;

/**
 * The variable parts of a contract in one language, worded from {@code contracts/terms.<lang>.properties}: title,
 * party roles and identifiers, subject, asset list, scope, price and payment. Dates and amounts are written by fixed
 * rules, never by the JVM's locale, so the text is the same on every machine.
 */
final class ContractWording {

    private static final String[] MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    private final ContractLanguage language;
    private final Properties terms;

    private ContractWording(ContractLanguage language, Properties terms) {
        this.language = language;
        this.terms = terms;
    }

    static ContractWording load(ContractLanguage language) {
        String resource = "contracts/terms." + language.tag() + ".properties";
        try (InputStream in = ContractWording.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("contract wording " + resource + " is missing from the classpath");
            }
            Properties terms = new Properties();
            terms.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new ContractWording(language, terms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract wording " + resource, e);
        }
    }

    Map<String, String> values(String dealId, Venue venue, Contract c) {
        Map<String, String> roles = Map.of(
                "seller",
                term("seller." + c.type()),
                "buyer",
                term("buyer." + c.type()),
                "venue",
                language == ContractLanguage.ZH ? venue.name() : venue.englishName());
        Map<String, String> values = new HashMap<>(roles);
        values.put(
                "title",
                term(c.transferSubject().map(s -> "title.TRANSFER." + s).orElse("title." + c.type())));
        values.put("dealId", dealId);
        values.put("sellerName", c.seller().name());
        values.put("sellerIdentifier", identifier(c.seller()));
        values.put("sellerRegion", c.seller().regionCode());
        values.put("buyerName", c.buyer().name());
        values.put("buyerIdentifier", identifier(c.buyer()));
        values.put("buyerRegion", c.buyer().regionCode());
        values.put("subject", subject(c, roles));
        values.put("assets", assets(c, roles));
        values.put("scope", scope(c, roles));
        values.put("price", price(c, roles));
        values.put("payment", payment(c, roles));
        values.put("obligations", c.deliveryObligations());
        values.put("acceptanceDays", Integer.toString(c.acceptancePeriodDays()));
        return values;
    }

    /** The identifier line: an organization's credit code, or a natural person's identity number in full. */
    private String identifier(Party party) {
        return phrase("identifier." + party.identifierKind(), Map.of(), "number", party.identifier());
    }

    private String subject(Contract c, Map<String, String> roles) {
        String key = c.transferSubject().map(s -> "subject.TRANSFER." + s).orElse("subject." + c.type());
        String licence =
                c.licenceKind().map(kind -> phrase("licence." + kind, roles)).orElse("");
        return phrase(key, roles, "licence", licence);
    }

    private String assets(Contract c, Map<String, String> roles) {
        if (c.assets().isEmpty()) {
            return phrase("assets.none", roles);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < c.assets().size(); i++) {
            ContractAsset asset = c.assets().get(i);
            String n = Integer.toString(i + 1);
            lines.add(asset.patentNumber()
                    .map(number -> phrase(
                            "asset.patent",
                            roles,
                            "n",
                            n,
                            "title",
                            asset.title(),
                            "patentNumber",
                            number,
                            "assetId",
                            asset.assetId()))
                    .orElseGet(() ->
                            phrase("asset.other", roles, "n", n, "title", asset.title(), "assetId", asset.assetId())));
        }
        return String.join("\n", lines);
    }

    private String scope(Contract c, Map<String, String> roles) {
        GrantScope scope = c.scope();
        String separator = term("list.separator");
        String fields = scope.namedFields().isEmpty()
                ? phrase("scope.fields.any", roles)
                : phrase("scope.fields", roles, "list", String.join(separator, scope.namedFields()));
        String territories = scope.namedTerritories().isEmpty()
                ? phrase("scope.territories.any", roles)
                : phrase("scope.territories", roles, "list", String.join(separator, scope.namedTerritories()));
        String openKey = c.type().passesRights() ? "scope.term.open.rights" : "scope.term.open.work";
        String term = scope.lastDay()
                .map(end -> phrase("scope.term", roles, "start", date(scope.start()), "end", date(end)))
                .orElseGet(() -> phrase(openKey, roles, "start", date(scope.start())));
        return fields + "\n" + territories + "\n" + term;
    }

    private String price(Contract c, Map<String, String> roles) {
        String currency = c.price().currency();
        if (c.payment().kind() != PaymentSchedule.Kind.RUNNING_ROYALTY) {
            return phrase("price.fixed", roles, "amount", amount(c.price()), "currency", currency);
        }
        return c.price().isZero()
                ? phrase("price.noUpfront", roles)
                : phrase("price.upfront", roles, "amount", amount(c.price()), "currency", currency);
    }

    private String payment(Contract c, Map<String, String> roles) {
        PaymentSchedule payment = c.payment();
        if (payment instanceof PaymentSchedule.LumpSum lumpSum) {
            return phrase("payment.LUMP_SUM", roles, "due", date(lumpSum.dueDate()));
        }
        if (payment instanceof PaymentSchedule.Instalments instalments) {
            List<String> lines = new ArrayList<>(List.of(phrase("payment.INSTALMENTS", roles)));
            for (int i = 0; i < instalments.instalments().size(); i++) {
                PaymentSchedule.Instalment instalment =
                        instalments.instalments().get(i);
                lines.add(phrase(
                        "payment.instalment",
                        roles,
                        "n",
                        Integer.toString(i + 1),
                        "amount",
                        amount(instalment.amount()),
                        "due",
                        date(instalment.dueDate())));
            }
            return String.join("\n", lines);
        }
        PaymentSchedule.RunningRoyalty royalty = (PaymentSchedule.RunningRoyalty) payment;
        return phrase(
                "payment.RUNNING_ROYALTY",
                roles,
                "rate",
                Amounts.percent(royalty.rateBasisPoints()),
                "period",
                term("period." + royalty.period()),
                "minimum",
                amount(royalty.minimumPerPeriod()),
                "start",
                date(c.scope().start()),
                "days",
                Integer.toString(royalty.reportWithinDays()));
    }

    /** Figures with the currency's symbol; in Chinese, CNY amounts also in capital numerals. */
    private String amount(Money money) {
        if (language == ContractLanguage.ZH && Money.DEFAULT_CURRENCY.equals(money.currency())) {
            return phrase(
                    "amount.words",
                    Map.of(),
                    "figures",
                    money.withSymbol(),
                    "words",
                    ChineseAmount.inWords(money.minor()));
        }
        return phrase("amount.plain", Map.of(), "figures", money.withSymbol());
    }

    private String date(LocalDate date) {
        if (language == ContractLanguage.ZH) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    private String phrase(String key, Map<String, String> roles, String... pairs) {
        Map<String, String> values = new HashMap<>(roles);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new ContractTemplate(key, term(key)).fill(values);
    }

    private String term(String key) {
        String value = terms.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("contract wording for " + language.tag() + " has no entry " + key);
        }
        return value;
    }
}
