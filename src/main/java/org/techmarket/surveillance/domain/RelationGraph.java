package org.techmarket.surveillance.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The related-party graph: organizations joined by one or more {@link Relation}s. Answers whether two organizations
 * are related directly, and which group of related parties (a connected component) each belongs to.
 */
public final class RelationGraph {

    private final List<Relation> relations;
    private final Map<String, Map<String, Set<RelationKind>>> adjacent = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>();

    public RelationGraph(Collection<Relation> relations) {
        this.relations = List.copyOf(new LinkedHashSet<>(relations));
        for (Relation r : this.relations) {
            link(r.first(), r.second(), r.kind());
            link(r.second(), r.first(), r.kind());
            union(r.first(), r.second());
        }
    }

    public static RelationGraph none() {
        return new RelationGraph(List.of());
    }

    public List<Relation> relations() {
        return relations;
    }

    /** Whether the two are directly related. */
    public boolean related(String a, String b) {
        return !kinds(a, b).isEmpty();
    }

    /** How the two are directly related; empty when they are not. */
    public Set<RelationKind> kinds(String a, String b) {
        return adjacent.getOrDefault(a, Map.of()).getOrDefault(b, Set.of());
    }

    /** Whether any two of the given organizations are directly related. */
    public boolean anyRelated(Collection<String> organizations) {
        List<String> all = List.copyOf(new LinkedHashSet<>(organizations));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (related(all.get(i), all.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The group of related parties the organization belongs to, named by one of its members; itself when alone. */
    public String group(String organization) {
        String root = organization;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private void link(String from, String to, RelationKind kind) {
        adjacent.computeIfAbsent(from, k -> new HashMap<>())
                .computeIfAbsent(to, k -> EnumSet.noneOf(RelationKind.class))
                .add(kind);
    }

    private void union(String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = group(a);
        String rb = group(b);
        if (!ra.equals(rb)) {
            // The smaller id names the group, so a group's name does not hang on the order relations were read in.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
