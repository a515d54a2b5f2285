package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The receive-buffer drops of one process's UDP sockets: its socket inodes from
 * {@code /proc/<pid>/fd} (links {@code socket:[inode]}), matched with the rows of
 * {@code /proc/<pid>/net/udp} and {@code udp6}, whose last column counts the datagrams dropped on
 * that socket. Unlike the machine-wide counters it leaves out the generator's own sockets (SIPp
 * callers do not read the audio sent to them). Stateless.
 */
final class UdpSockets {

    private static final int INODE_COLUMN = 9;

    private UdpSockets() {
    }

    /** Socket inode to drops, for the process's UDP sockets now open; empty if it is gone. */
    static Map<Long, Long> drops(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<Long> inodes = socketInodes(proc);
        Map<Long, Long> drops = new HashMap<>();
        for (String table : List.of("udp", "udp6")) {
            for (String row : lines(proc.resolve("net").resolve(table))) {
                String[] columns = row.trim().split("\\s+");
                if (columns.length <= INODE_COLUMN || !columns[INODE_COLUMN].matches("\\d+")) {
                    continue; // the header
                }
                long inode = Long.parseLong(columns[INODE_COLUMN]);
                if (inodes.contains(inode)) {
                    drops.put(inode, Long.parseLong(columns[columns.length - 1]));
                }
            }
        }
        return drops;
    }

    private static Set<Long> socketInodes(Path proc) {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException e) {
                    // closed between the listing and the read: not a socket to count any more
                }
            }
        } catch (IOException e) {
            return Set.of(); // the process is gone
        }
        return inodes;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
