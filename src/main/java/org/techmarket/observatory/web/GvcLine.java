package org.techmarket.observatory.web;

/**
 * A country's line of the observatory page's table with every figure written out: public, so that the template's
 * compiled expressions can read it without reflection.
 */
public record GvcLine(
        String country, String grossExports, String ivShare, String fvShare, String participation, String position) {}
