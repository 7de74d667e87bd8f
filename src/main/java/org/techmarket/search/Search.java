package org.techmarket.search;

/** Searching the market's index, for other modules (matching, meaning) as for the API. */
public interface Search {

    /** Who is searching: verified organizations' users (and operators, regulators) also find VERIFIED_ONLY items. */
    enum Audience {
        PUBLIC,
        VERIFIED
    }

    /** A page of what matches; a refusal with a {@link SearchCodes} (or shared) code when the request is wrong. */
    SearchResult search(SearchRequest request, Audience audience);

    /**
     * The same search in a named mode ({@code words}, {@code vectors} or {@code hybrid}; null for the configured
     * default); an unknown mode is refused with {@link SearchCodes#UNKNOWN_MODE}.
     */
    SearchResult search(SearchRequest request, Audience audience, String mode);

    /** The audience of a caller: nobody signed in (null) is the public. */
    Audience audienceOf(org.techmarket.shared.Actor actor);

    /** As {@link #audienceOf(org.techmarket.shared.Actor)}, read with the other queries of {@code batch}. */
    org.techmarket.shared.ReadsTogether.Later<Audience> audienceOf(
            org.techmarket.shared.Actor actor, org.techmarket.shared.ReadsTogether.Batch batch);
}
