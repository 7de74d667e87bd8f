package org.techmarket.audit.persistence;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.audit.domain.LogLeaf;
import org.techmarket.audit.domain.MerkleTree;
import org.techmarket.audit.domain.MerkleTree.HashedNode;
import org.techmarket.audit.domain.MerkleTree.Node;
import org.techmarket.audit.domain.MerkleTree.Range;

/**
 * The log's Merkle tree in PostgreSQL: its complete subtrees in {@code log_node}, the salts of confidential leaves in
 * {@code log_leaf_salt}, its size in {@code audit_head.tree_size}. Appending is done by {@link AuditSealer} under the
 * chain head's lock; reading needs no lock, as a node never changes once written and the size moves only after the
 * nodes it covers are in. Every read of nodes is one statement, whatever the tree's size.
 */
@Repository
public class LogTree {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SecureRandom random = new SecureRandom();

    LogTree(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** How many events are leaves of the tree. */
    public long size() {
        return jdbc.sql("select tree_size from audit_head where id = 1")
                .query(Long.class)
                .single();
    }

    /** The root hash of the tree of {@code size} leaves (no larger than {@link #size()}). */
    public byte[] root(long size) {
        List<Range> root = MerkleTree.rootRange(size);
        return root.isEmpty() ? MerkleTree.EMPTY_ROOT : proof(root).get(0);
    }

    /** The hashes of the ranges of a proof, read in one statement. */
    public List<byte[]> proof(List<Range> ranges) {
        return MerkleTree.hashesOf(ranges, nodes(MerkleTree.nodesOf(ranges)));
    }

    /** The stored hash of leaf {@code index}, and its salt if its event is confidential. */
    public Optional<StoredLeaf> leaf(long index) {
        return jdbc.sql("""
                select n.hash, s.salt from log_node n left join log_leaf_salt s on s.leaf_index = n.node_index
                where n.level = 0 and n.node_index = ?""")
                .param(index)
                .query((rs, n) -> new StoredLeaf(rs.getBytes(1), Optional.ofNullable(rs.getBytes(2))))
                .optional();
    }

    /** A leaf as stored: the tree's hash of it, and a confidential event's salt. */
    public record StoredLeaf(byte[] hash, Optional<byte[]> salt) {}

    /**
     * Appends sealed events, which must be the next ones after the tree's {@code size} leaves, giving each
     * confidential one a fresh salt. The caller holds the chain head's lock and moves the stored size.
     */
    void append(long size, List<AuditEvent> events) {
        List<byte[]> leafHashes = new ArrayList<>(events.size());
        List<Long> saltIndexes = new ArrayList<>();
        List<byte[]> salts = new ArrayList<>();
        long index = size;
        for (AuditEvent event : events) {
            if (event.sequence() != index + 1) {
                throw new IllegalStateException("event " + event.sequence() + " is not leaf " + index);
            }
            Optional<byte[]> salt = Optional.empty();
            if (LogLeaf.isConfidential(event.type())) {
                byte[] fresh = new byte[LogLeaf.SALT_BYTES];
                random.nextBytes(fresh);
                salt = Optional.of(fresh);
                saltIndexes.add(index);
                salts.add(fresh);
            }
            leafHashes.add(MerkleTree.leafHash(LogLeaf.input(event, salt)));
            index++;
        }
        Map<Node, byte[]> edge = size == 0 ? Map.of() : nodes(MerkleTree.nodesOf(new Range(0, size)));
        List<HashedNode> edgeNodes = edge.isEmpty()
                ? List.of()
                : MerkleTree.nodesOf(new Range(0, size)).stream()
                        .map(node -> new HashedNode(node, edge.get(node)))
                        .toList();
        List<HashedNode> completed = MerkleTree.append(size, edgeNodes, leafHashes);
        template.execute((ConnectionCallback<Void>) connection -> {
            insertNodes(connection, completed);
            if (!salts.isEmpty()) {
                insertSalts(connection, saltIndexes, salts);
            }
            return null;
        });
    }

    private Map<Node, byte[]> nodes(Collection<Node> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Integer[] levels = wanted.stream().map(Node::level).toArray(Integer[]::new);
        Long[] indexes = wanted.stream().map(Node::index).toArray(Long[]::new);
        return template.execute((ConnectionCallback<Map<Node, byte[]>>) connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select n.level, n.node_index, n.hash from log_node n
                    join unnest(?::int[], ?::bigint[]) as wanted(level, node_index)
                      on n.level = wanted.level and n.node_index = wanted.node_index""")) {
                select.setArray(1, connection.createArrayOf("int4", levels));
                select.setArray(2, connection.createArrayOf("int8", indexes));
                Map<Node, byte[]> found = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    }
                }
                return found;
            }
        });
    }

    private static void insertNodes(Connection connection, List<HashedNode> nodes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into log_node (level, node_index, hash)
                select * from unnest(?::int[], ?::bigint[], ?::bytea[])""")) {
            insert.setArray(
                    1,
                    connection.createArrayOf(
                            "int4", nodes.stream().map(n -> n.node().level()).toArray(Integer[]::new)));
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "int8", nodes.stream().map(n -> n.node().index()).toArray(Long[]::new)));
            insert.setArray(
                    3, bytea(connection, nodes.stream().map(HashedNode::hash).toList()));
            insert.executeUpdate();
        }
    }

    private static void insertSalts(Connection connection, List<Long> indexes, List<byte[]> salts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into log_leaf_salt (leaf_index, salt) select * from unnest(?::bigint[], ?::bytea[])")) {
            insert.setArray(1, connection.createArrayOf("int8", indexes.toArray(Long[]::new)));
            insert.setArray(2, bytea(connection, salts));
            insert.executeUpdate();
        }
    }

    private static Array bytea(Connection connection, List<byte[]> values) throws SQLException {
        return connection.createArrayOf("bytea", values.toArray(byte[][]::new));
    }
}
