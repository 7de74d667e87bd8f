package org.techmarket.shared.db;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a cluster template holds beyond the empty cluster initdb makes (the market's migrated schema), named by a digest
 * that keys the template: a template is copied only for the schema it was made with.
 */
interface TemplateSchema {

    /** Names this schema; a template made with another digest is passed over. */
    String digest();

    /** Brings the freshly initdb'd, stopped cluster in {@code cluster} to this schema and leaves it stopped. */
    void applyTo(Path cluster) throws IOException;
}
