package org.techmarket.observatory.domain;

/** One of WIOD's 35 industries: its code in the tables ({@code c1}…{@code c35}), its ISIC Rev. 3 code and name. */
public record WiodIndustry(String code, String isic, String name) {}
