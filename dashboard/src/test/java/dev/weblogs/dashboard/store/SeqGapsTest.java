package dev.weblogs.dashboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeqGapsTest {

    @Test
    void valuesSkippedBetweenReadsAreGapsUntilARowFillsThem() {
        SeqGaps gaps = new SeqGaps(1000);
        long last = 0;
        for (long seq : new long[] {1, 2, 5, 6, 10}) {
            last = gaps.follow(last, seq, 0);
        }
        assertEquals(10, last);
        assertEquals(List.of(new SeqGaps.Gap(3, 4, 0), new SeqGaps.Gap(7, 9, 0)), gaps.due(10));
        gaps.filled(8);
        assertEquals(List.of(new SeqGaps.Gap(3, 4, 0), new SeqGaps.Gap(7, 7, 0), new SeqGaps.Gap(9, 9, 0)),
                gaps.due(10));
    }

    @Test
    void aGapIsLookedAtOnceMoreAfterItsPatienceThenLetGo() {
        SeqGaps gaps = new SeqGaps(1000);
        gaps.add(3, 4, 0);
        List<SeqGaps.Gap> due = gaps.due(10);
        gaps.checked(due, 900);
        assertEquals(1, gaps.size(), "still young");
        gaps.checked(gaps.due(10), 1001);
        assertEquals(0, gaps.size(), "checked after its patience ran out");
    }

    @Test
    void manyGapsTakeTurns() {
        SeqGaps gaps = new SeqGaps(60_000);
        for (long from = 10; from <= 50; from += 10) {
            gaps.add(from, from + 1, 0);
        }
        List<SeqGaps.Gap> first = gaps.due(2);
        assertEquals(List.of(10L, 20L), first.stream().map(SeqGaps.Gap::from).toList());
        gaps.checked(first, 1);
        assertEquals(List.of(30L, 40L), gaps.due(2).stream().map(SeqGaps.Gap::from).toList());
        gaps.checked(gaps.due(2), 2);
        assertEquals(List.of(50L, 10L), gaps.due(2).stream().map(SeqGaps.Gap::from).toList());
    }

    @Test
    void theGapsOfALoadRunFromOne() {
        SeqGaps gaps = FollowState.gapsOf(new long[] {2, 3, 7}, 1000, 5);
        assertEquals(List.of(new SeqGaps.Gap(1, 1, 5), new SeqGaps.Gap(4, 6, 5)), gaps.due(10));
    }
}
