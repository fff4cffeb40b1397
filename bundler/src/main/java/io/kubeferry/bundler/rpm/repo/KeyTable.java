package io.kubeferry.bundler.rpm.repo;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * An open-addressing hash table from strings (by string-table id) to runs of ints, in plain int arrays so that it
 * is stored in and loaded from {@link MetadataCache} as it is: a warm start looks keys up without building a map of
 * hundreds of thousands of entries. The hash is {@link String#hashCode()}, which the JLS fixes, so a table written by
 * one JVM is valid in another. Immutable after construction.
 *
 * @param slots key number + 1 per slot, 0 for an empty slot; the length is a power of two
 * @param keyHash the hash of each key, compared before the key's string is decoded
 * @param keyString the string-table id of each key
 * @param start where the run of each key begins in {@code values}; {@code start[k + 1]} is where it ends
 * @param values the runs, in the order they were added
 */
record KeyTable(int[] slots, int[] keyHash, int[] keyString, int[] start, int[] values) {
  private static final int[] NONE = new int[0];

  /**
   * Builds the table from runs already grouped per key (compressed-row form).
   *
   * @param strings resolves a string-table id, for hashing the keys
   */
  static KeyTable of(int[] keyString, int[] start, int[] values, IntFunction<String> strings) {
    int n = keyString.length;
    int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
    int[] slots = new int[cap];
    int[] hash = new int[n];
    for (int k = 0; k < n; k++) {
      hash[k] = strings.apply(keyString[k]).hashCode();
      int i = spread(hash[k]) & (cap - 1);
      while (slots[i] != 0) {
        i = (i + 1) & (cap - 1);
      }
      slots[i] = k + 1;
    }
    return new KeyTable(slots, hash, keyString, start, values);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The key number of {@code key}, or -1; {@code strings} decodes a string-table id. */
  int find(String key, IntFunction<String> strings) {
    int h = key.hashCode();
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; slots[i] != 0; i = (i + 1) & mask) {
      int k = slots[i] - 1;
      if (keyHash[k] == h && strings.apply(keyString[k]).equals(key)) {
        return k;
      }
    }
    return -1;
  }

  /** The run of {@code key}, a copy; empty when the key is absent. */
  int[] get(String key, IntFunction<String> strings) {
    int k = find(key, strings);
    return k < 0 ? NONE : Arrays.copyOfRange(values, start[k], start[k + 1]);
  }
}
