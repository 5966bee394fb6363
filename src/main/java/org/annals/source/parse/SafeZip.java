package org.annals.source.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.annals.base.ByteSizes;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a ZIP file held in memory (Word and OpenDocument files are ZIP files), read without trusting
 * anything the file says about itself. Opening reads only the central directory: at most {@link #MAX_ENTRIES}
 * entries, no ZIP64, no encryption, no overlapping entries, and declared sizes within the limits below. Nothing is
 * inflated until an entry is asked for, and then every byte inflated is counted: per entry (never more than it
 * declared, never more than {@link #MAX_ENTRY_BYTES}, never more than {@link #MAX_RATIO} times its compressed size
 * past the first {@link #GRACE_BYTES}) and for the whole file ({@link #MAX_INFLATED_BYTES} over all reads). A ZIP
 * bomb therefore costs a few milliseconds and no memory: it is refused from its directory, or at the first
 * kilobytes that break its promises. See docs/decisions/0036-office-documents.md for the numbers.
 */
final class SafeZip {

    /** Word documents hold a few dozen entries, a few hundred with many pictures; POI's own default is 1,000. */
    static final int MAX_ENTRIES = 1_000;
    /** The largest entry unpacked: the text of a 2,000-page report is far smaller, a large photo about as large. */
    static final long MAX_ENTRY_BYTES = 64L << 20;
    /** All bytes inflated from one file, over all reads (the XML is read twice: checked, then parsed). */
    static final long MAX_INFLATED_BYTES = 512L << 20;
    /** Inflated sizes up to this are not held to the ratio (tiny entries compress oddly); POI's grace size. */
    static final long GRACE_BYTES = 100 * 1024;
    /** Unpacking to more than this many times the compressed size is a bomb (POI's minimum inflate ratio 0.01). */
    static final int MAX_RATIO = 100;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    /** One entry as the central directory lists it, with where its data lies in the file. */
    record Entry(String name, int method, long compressedSize, long size, int dataStart) {
    }

    private final byte[] zip;
    private final String what;
    private final Map<String, Entry> entries;
    private long inflated;

    private SafeZip(byte[] zip, String what, Map<String, Entry> entries) {
        this.zip = zip;
        this.what = what;
        this.entries = entries;
    }

    /**
     * Reads the directory of a ZIP file. {@code what} names the file in messages ("The Word document").
     *
     * @throws InvalidInputException when the file is not a readable ZIP file or breaks a limit
     */
    static SafeZip open(byte[] bytes, String what) {
        int end = findEndOfDirectory(bytes);
        if (end < 0) {
            throw damaged(what, "its table of contents is missing");
        }
        int disk = u16(bytes, end + 4);
        int directoryDisk = u16(bytes, end + 6);
        int count = u16(bytes, end + 10);
        long directorySize = u32(bytes, end + 12);
        long directoryOffset = u32(bytes, end + 16);
        if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
            throw new InvalidInputException(what + " is stored as a ZIP64 archive, which documents of the sizes Annals"
                    + " imports never need. Open it in Word or LibreOffice, save it again and retry.");
        }
        if (disk != 0 || directoryDisk != 0) {
            throw damaged(what, "it is one part of a split archive");
        }
        if (count > MAX_ENTRIES) {
            throw tooManyEntries(what, count);
        }
        if (directoryOffset + directorySize > end) {
            throw damaged(what, "its table of contents points outside the file");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int p = (int) directoryOffset;
        long declaredTotal = 0;
        for (int i = 0; i < count; i++) {
            if (p + 46 > end || i32(bytes, p) != CENTRAL_HEADER) {
                throw damaged(what, "its table of contents is cut short");
            }
            int flags = u16(bytes, p + 8);
            int method = u16(bytes, p + 10);
            long compressed = u32(bytes, p + 20);
            long size = u32(bytes, p + 24);
            int nameLength = u16(bytes, p + 28);
            int extraLength = u16(bytes, p + 30);
            int commentLength = u16(bytes, p + 32);
            long localOffset = u32(bytes, p + 42);
            if (p + 46L + nameLength > end) {
                throw damaged(what, "its table of contents is cut short");
            }
            String name = new String(bytes, p + 46, nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            p += 46 + nameLength + extraLength + commentLength;
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
                throw tooLargeEntry(what, name, Long.MAX_VALUE);
            }
            if ((flags & 1) != 0) {
                throw new InvalidInputException(what + " is protected with a password. Remove the password"
                        + " (in Word: File › Info › Protect Document; in LibreOffice: File › Properties › Security),"
                        + " save it again and retry.");
            }
            if (size > MAX_ENTRY_BYTES) {
                throw tooLargeEntry(what, name, size);
            }
            if (size > GRACE_BYTES && size > MAX_RATIO * Math.max(compressed, 1)) {
                throw bomb(what, name, compressed, size);
            }
            declaredTotal += size;
            if (declaredTotal > MAX_INFLATED_BYTES / 2) {
                throw new InvalidInputException(what + " would unpack to more than "
                        + ByteSizes.format(MAX_INFLATED_BYTES / 2) + ", far more than any document Annals imports"
                        + " (it may be a ZIP bomb). It is refused; nothing was stored.");
            }
            int dataStart = dataStart(bytes, localOffset, (int) directoryOffset, what);
            if (dataStart + compressed > directoryOffset) {
                throw damaged(what, "an entry runs past the end of the data");
            }
            if (entries.put(name, new Entry(name, method, compressed, size, dataStart)) != null) {
                throw damaged(what, "it lists the entry \"" + shortName(name) + "\" twice");
            }
        }
        requireNoOverlap(entries.values(), what);
        return new SafeZip(bytes, what, Collections.unmodifiableMap(entries));
    }

    /** Whether the bytes end with a ZIP file's table of contents (its end-of-central-directory record). */
    static boolean hasDirectory(byte[] bytes) {
        return findEndOfDirectory(bytes) >= 0;
    }

    /** The entries in directory order. */
    Collection<Entry> entries() {
        return entries.values();
    }

    @Nullable Entry entry(String name) {
        return entries.get(name);
    }

    /** The entry's bytes, or null when the entry is missing or larger than {@code max} (then not inflated at all). */
    byte @Nullable [] readSmall(String name, int max) {
        Entry entry = entries.get(name);
        if (entry == null || entry.size() > max) {
            return null;
        }
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw damaged(what, "the entry \"" + shortName(name) + "\" cannot be unpacked");
        }
    }

    /**
     * The unpacked content of an entry, as a stream that refuses (with an {@link InvalidInputException}) as soon as
     * it would break a limit.
     */
    InputStream open(Entry entry) {
        return switch (entry.method()) {
            case STORED -> {
                if (entry.compressedSize() != entry.size()) {
                    throw damaged(what, "the entry \"" + shortName(entry.name()) + "\" has two different sizes");
                }
                yield new EntryStream(entry, null);
            }
            case DEFLATED -> new EntryStream(entry, new Inflater(true));
            default -> throw new InvalidInputException(what + " uses a kind of compression (method " + entry.method()
                    + ") that Word and LibreOffice never write. Open it in Word or LibreOffice, save it again and"
                    + " retry.");
        };
    }

    /** Streams one entry, counting every byte it hands out against the entry's and the file's limits. */
    private final class EntryStream extends InputStream {

        private final Entry entry;
        private final @Nullable Inflater inflater;
        private long produced;
        private boolean done;

        EntryStream(Entry entry, @Nullable Inflater inflater) {
            this.entry = entry;
            this.inflater = inflater;
            if (inflater != null) {
                inflater.setInput(zip, entry.dataStart(), (int) entry.compressedSize());
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (done) {
                return -1;
            }
            int n;
            if (inflater == null) {
                long left = entry.size() - produced;
                if (left <= 0) {
                    return -1;
                }
                n = (int) Math.min(length, left);
                System.arraycopy(zip, (int) (entry.dataStart() + produced), buffer, offset, n);
            } else {
                n = inflate(buffer, offset, length);
                if (n < 0) {
                    return -1;
                }
            }
            count(n);
            return n;
        }

        private int inflate(byte[] buffer, int offset, int length) {
            try {
                while (true) {
                    int n = inflater.inflate(buffer, offset, length);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        if (produced != entry.size()) {
                            throw damaged(what, "the entry \"" + shortName(entry.name()) + "\" is shorter than it"
                                    + " says");
                        }
                        done = true;
                        inflater.end();
                        return -1;
                    }
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw damaged(what, "the entry \"" + shortName(entry.name()) + "\" is cut short");
                    }
                }
            } catch (DataFormatException e) {
                throw damaged(what, "the entry \"" + shortName(entry.name()) + "\" is not valid compressed data");
            }
        }

        /** Counts what was handed out, before the caller sees it: a lie about sizes never gets through. */
        private void count(int n) {
            produced += n;
            inflated += n;
            if (produced > entry.size()) {
                throw new InvalidInputException(what + " lies about its content: its part \"" + shortName(entry.name())
                        + "\" unpacks to more than the " + ByteSizes.format(entry.size()) + " it declares, as ZIP bombs"
                        + " do. It is refused; nothing was stored.");
            }
            long consumed = inflater == null ? produced : inflater.getBytesRead();
            if (produced > GRACE_BYTES && produced > MAX_RATIO * Math.max(consumed, 1)) {
                throw bomb(what, entry.name(), consumed, produced);
            }
            if (inflated > MAX_INFLATED_BYTES) {
                throw new InvalidInputException(what + " took more than " + ByteSizes.format(MAX_INFLATED_BYTES)
                        + " to unpack, far more than any document Annals imports (it may be a ZIP bomb). It is"
                        + " refused; nothing was stored.");
            }
        }

        @Override
        public void close() {
            done = true;
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /** Where an entry's data starts: after its local header, which must lie before the central directory. */
    private static int dataStart(byte[] bytes, long localOffset, int directoryOffset, String what) {
        if (localOffset + 30 > directoryOffset || i32(bytes, (int) localOffset) != LOCAL_HEADER) {
            throw damaged(what, "an entry's header is missing");
        }
        int offset = (int) localOffset;
        long start = localOffset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
        if (start > directoryOffset) {
            throw damaged(what, "an entry's header runs into the table of contents");
        }
        return (int) start;
    }

    /**
     * Entries whose data overlap are how the densest ZIP bombs reuse one compressed block many times; no archiver
     * writes them.
     */
    private static void requireNoOverlap(Collection<Entry> entries, String what) {
        List<Entry> byStart = new ArrayList<>(entries);
        byStart.sort(Comparator.comparingInt(Entry::dataStart));
        long previousEnd = 0;
        for (Entry entry : byStart) {
            if (entry.dataStart() < previousEnd) {
                throw new InvalidInputException(what + " is built so that its entries share their data, as ZIP bombs"
                        + " are (no office program writes such a file). It is refused; nothing was stored.");
            }
            previousEnd = entry.dataStart() + entry.compressedSize();
        }
    }

    /** The end-of-central-directory record: the last one within the final 64 KB (its comment may follow it). */
    private static int findEndOfDirectory(byte[] bytes) {
        int last = bytes.length - 22;
        int first = Math.max(0, last - 0xFFFF);
        for (int i = last; i >= first; i--) {
            if (i32(bytes, i) == END_OF_DIRECTORY && i + 22 + u16(bytes, i + 20) == bytes.length) {
                return i;
            }
        }
        return -1;
    }

    static InvalidInputException damaged(String what, String why) {
        return new InvalidInputException(what + " cannot be read: " + why + ". It may be damaged or not what its"
                + " name says; open it in Word or LibreOffice, save it again and retry.");
    }

    private static InvalidInputException tooManyEntries(String what, long count) {
        return new InvalidInputException(what + " is a ZIP file of " + ParseLimits.number(count) + " files; documents"
                + " hold a few dozen, and Annals reads at most " + ParseLimits.number(MAX_ENTRIES) + " (it may be a ZIP"
                + " bomb). It is refused; nothing was stored.");
    }

    private static InvalidInputException tooLargeEntry(String what, String name, long size) {
        String shown = size == Long.MAX_VALUE ? "more than 4 GB" : ByteSizes.format(size);
        return new InvalidInputException(what + " holds a part (\"" + shortName(name) + "\") that unpacks to " + shown
                + "; Annals unpacks at most " + ByteSizes.format(MAX_ENTRY_BYTES) + " per part (it may be a ZIP bomb)."
                + " It is refused; nothing was stored.");
    }

    private static InvalidInputException bomb(String what, String name, long compressed, long size) {
        return new InvalidInputException(what + " is a ZIP bomb: its part \"" + shortName(name) + "\" grows from "
                + ByteSizes.format(compressed) + " to " + (size > MAX_ENTRY_BYTES ? "more than " : "")
                + ByteSizes.format(size) + " when unpacked (" + String.format(Locale.ROOT, "%,d", size / Math.max(1,
                compressed)) + " times; real documents stay under " + MAX_RATIO + "). It is refused; nothing was"
                + " stored.");
    }

    private static String shortName(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }

    private static int u16(byte[] b, int i) {
        return i + 1 < b.length && i >= 0 ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : 0;
    }

    private static long u32(byte[] b, int i) {
        return i32(b, i) & 0xFFFFFFFFL;
    }

    private static int i32(byte[] b, int i) {
        if (i < 0 || i + 3 >= b.length) {
            return 0;
        }
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
