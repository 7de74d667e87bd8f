package org.techmarket.observatory.domain;

/**
 * Koopman et al. (2010)'s measures of an exporter's place in global value chains, from its gross exports {@code E},
 * its value added in other countries' exports {@code IV} (indirect value-added exports: forward participation) and
 * the foreign value added in its own exports {@code FV} (backward participation). An exporter with no exports has
 * both ratios zero.
 */
public record GvcIndices(double grossExports, double iv, double fv) {

    /** The sum of several exporters' (or industries') figures: their ratios weighted by their exports. */
    public GvcIndices plus(GvcIndices other) {
        return new GvcIndices(grossExports + other.grossExports, iv + other.iv, fv + other.fv);
    }

    public static GvcIndices none() {
        return new GvcIndices(0, 0, 0);
    }

    /** {@code IV / E}. */
    public double ivShare() {
        return grossExports == 0 ? 0 : iv / grossExports;
    }

    /** {@code FV / E}. */
    public double fvShare() {
        return grossExports == 0 ? 0 : fv / grossExports;
    }

    /** {@code IV/E + FV/E}: how much of the exports takes part in chains crossing more than one border. */
    public double participation() {
        return ivShare() + fvShare();
    }

    /** {@code ln(1 + IV/E) − ln(1 + FV/E)}: upstream (supplying inputs) when positive, downstream when negative. */
    public double position() {
        return Math.log1p(ivShare()) - Math.log1p(fvShare());
    }
}
