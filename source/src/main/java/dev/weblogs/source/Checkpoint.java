package dev.weblogs.source;

/**
 * How far a log file is published: every line before {@code position} is confirmed by the broker. The file
 * it belongs to is named by its content, not its path, so that it is recognised after a rotation and a new
 * file at the same path is not taken for it.
 *
 * @param fingerprint       md5 of the file's {@link FileHead head} as read up to the checkpoint
 * @param fingerprintLength the head's length in bytes
 * @param position          where the next run continues
 * @param prefixHash        the {@link ContentHash} of the bytes before {@code position}; {@code null} in the
 *                          state files of versions before occurrence keys
 */
public record Checkpoint(String fingerprint, int fingerprintLength, long position, Long prefixHash) {

    /** At {@code position} of the file whose head is {@code head}. */
    public static Checkpoint of(FileHead head, long position, long prefixHash) {
        return new Checkpoint(head.md5(), head.length(), position, prefixHash);
    }
}
