package dev.weblogs.dashboard.store;

/**
 * How far the model has followed the two tables.
 *
 * @param rowSeq    the highest {@code clean-log.seq} read
 * @param rowGaps   values below it without a row yet
 * @param changeSeq the highest {@code clean-log-changes.seq} read
 */
record FollowState(long rowSeq, SeqGaps rowGaps, long changeSeq, SeqGaps changeGaps) {

    FollowState withSeqs(long rows, long changes) {
        return new FollowState(rows, rowGaps, changes, changeGaps);
    }

    /** The gaps of an ascending array of {@code seq} values, from 1 up. */
    static SeqGaps gapsOf(long[] sortedSeqs, long patienceMillis, long since) {
        SeqGaps gaps = new SeqGaps(patienceMillis);
        long last = 0;
        for (long seq : sortedSeqs) {
            last = gaps.follow(last, seq, since);
        }
        return gaps;
    }
}
