package org.techmarket.search;

import java.util.Collection;
import java.util.List;

/**
 * One kind of searchable item, provided by the module that owns it. The search module learns that an item changed from
 * its change feed (a row the owning module's trigger writes in the same transaction as the change) and asks the source
 * for the item's document; a rebuild walks every id.
 */
public interface SearchSource {

    /** The item type as {@code ?types=} names it: {@code asset}, {@code listing}, {@code need}, … */
    String type();

    /**
     * The documents of these ids, in any order; an id whose item no longer exists or is no longer searchable is left
     * out (the index then drops it). A constant number of SQL statements, whatever the number of ids.
     */
    List<SearchDocument> documents(Collection<String> ids);

    /** Up to {@code limit} ids in ascending order after {@code after} ({@code null} for the first page), for a rebuild. */
    List<String> ids(String after, int limit);
}
