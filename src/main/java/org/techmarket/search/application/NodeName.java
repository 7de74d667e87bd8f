package org.techmarket.search.application;

/** This node's name among the nodes sharing the database, kept beside its index: its feed job is named after it. */
record NodeName(String name) {}
