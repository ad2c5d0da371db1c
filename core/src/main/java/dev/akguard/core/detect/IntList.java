package dev.akguard.core.detect;

import java.util.Arrays;

/** A growable int array: the prefilter's hits, without boxing. */
final class IntList {
    int[] data = new int[8];
    int size;

    void add(int v) {
        if (size == data.length) data = Arrays.copyOf(data, size * 2);
        data[size++] = v;
    }

    int get(int k) {
        return data[k];
    }

    int[] sorted() {
        int[] s = Arrays.copyOf(data, size);
        Arrays.sort(s);
        return s;
    }
}
