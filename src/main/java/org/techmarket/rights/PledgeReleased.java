package org.techmarket.rights;

/** A pledgee released its pledge on an asset: what it secured is paid, and the asset is free of it. */
public record PledgeReleased(String grantId, String assetId, String reason) {}
