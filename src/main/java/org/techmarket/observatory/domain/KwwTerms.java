package org.techmarket.observatory.domain;

/**
 * One country's gross exports split into the nine terms of Koopman, Wang and Wei (2014), in the table's unit:
 * domestic value added absorbed abroad (in final goods, in intermediates the direct importer absorbs, in
 * intermediates re-exported to third countries), domestic value added that returns home (in final and in
 * intermediate imports), domestic double counting, foreign value added (in final goods, in intermediates) and foreign
 * double counting. docs/observatory.md gives each formula.
 */
public record KwwTerms(
        String country,
        double dvaFin,
        double dvaInt,
        double dvaIntrex,
        double rdvFin,
        double rdvInt,
        double ddc,
        double fvaFin,
        double fvaInt,
        double fdc,
        double grossExports) {

    /** The nine terms added up; equals {@link #grossExports()} on a balanced table. */
    public double sum() {
        return dvaFin + dvaInt + dvaIntrex + rdvFin + rdvInt + ddc + fvaFin + fvaInt + fdc;
    }

    /** Foreign value added in the exports, double counting included: {@code FVA_FIN + FVA_INT + FDC}. */
    public double foreignContent() {
        return fvaFin + fvaInt + fdc;
    }
}
