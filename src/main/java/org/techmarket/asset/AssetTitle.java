package org.techmarket.asset;

/** An asset's id and title: all a picker of assets shows. */
public record AssetTitle(String id, String title) {}
