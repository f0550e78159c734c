package com.apexshare.cli.upload;

/** One part of a file: its 1-based number and the byte range it covers. */
record Part(int number, long offset, long length) {

    Part {
        if (number < 1 || offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad part " + number + " at " + offset + " of " + length);
        }
    }
}
