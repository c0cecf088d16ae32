package dev.pipelineharness.checks;

import java.util.Arrays;

/** How many copies of each ledger record one hop (a topic) holds: one byte per record, in pages. */
final class HopCopies {

    private static final int PAGE_BITS = 16;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private byte[][] pages = new byte[0][];

    void add(long ordinal) {
        int page = (int) (ordinal >>> PAGE_BITS);
        if (page >= pages.length) {
            int old = pages.length;
            pages = Arrays.copyOf(pages, page + 1);
            for (int i = old; i <= page; i++) {
                pages[i] = new byte[PAGE_SIZE];
            }
        }
        int slot = (int) (ordinal & (PAGE_SIZE - 1));
        if (pages[page][slot] < Byte.MAX_VALUE) {
            pages[page][slot]++;
        }
    }

    int copies(long ordinal) {
        int page = (int) (ordinal >>> PAGE_BITS);
        return page < pages.length ? pages[page][(int) (ordinal & (PAGE_SIZE - 1))] : 0;
    }
}
