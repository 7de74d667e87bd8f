package org.techmarket.reference;

/** One of WIPO's 35 technology fields (e.g. 6, "Electrical engineering", "Computer technology"), named in English. */
public record TechnologyField(int id, String sector, String name) {}
