package org.techmarket.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merges, and besides, at every commit and every reader opened for searches, the small segments
 * merged into one. The feed commits a few changed items at a time, and each commit would otherwise leave a segment of
 * one to three documents until ten of them are merged; a search looks each of its terms up, and reads its postings, in
 * every segment, so a market's small changes multiplied what every search allocated (ADR 0089). Small is what the
 * tiered policy treats as of the least size anyway ({@link TieredMergePolicy#getFloorSegmentMB()}): merging them costs
 * at most that many megabytes rewritten per commit.
 */
final class SmallSegmentsMerged extends FilterMergePolicy {

    private final long small;

    SmallSegmentsMerged(TieredMergePolicy tiered) {
        super(tiered);
        this.small = (long) (tiered.getFloorSegmentMB() * 1024 * 1024);
    }

    @Override
    public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        Set<SegmentCommitInfo> merging = context.getMergingSegments();
        List<SegmentCommitInfo> smalls = new ArrayList<>();
        for (SegmentCommitInfo info : infos) {
            if (!merging.contains(info) && size(info, context) < small) {
                smalls.add(info);
            }
        }
        if (smalls.size() < 2) {
            return null;
        }
        MergeSpecification merge = new MergeSpecification();
        merge.add(new MergePolicy.OneMerge(smalls));
        return merge;
    }
}
