package dev.switchboard.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import com.sun.security.auth.module.UnixSystem;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Starts zonky's embedded PostgreSQL, also when the tests run as root, as they do in CI: initdb and postgres refuse
 * root. Zonky copes by itself when it can run them in a user namespace ({@code unshare -U}); containers often forbid
 * that (Docker's default seccomp profile), and then they run as nobody through {@code setpriv} (util-linux, on every
 * Debian), from wrapper scripts handed to zonky in place of its binaries.
 */
final class TestPostgres {
    private static final long NOBODY = 65534;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** What zonky runs; pg_ctl starts postgres itself, already as nobody. */
    private static final List<String> ENTRY_POINTS = List.of("initdb", "pg_ctl");

    private TestPostgres() {
    }

    static EmbeddedPostgres start() throws IOException {
        if (new UnixSystem().getUid() != 0 || LinuxUtils.isUnshareAvailable()) {
            return EmbeddedPostgres.start();
        }
        Path data = Files.createTempDirectory("epg-nobody");
        Files.setAttribute(data, "unix:uid", (int) NOBODY);
        Files.setAttribute(data, "unix:gid", (int) NOBODY);
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setPgBinaryResolver(TestPostgres::wrappersRunningAsNobody)
                .start();
    }

    /** A .txz of scripts, one per entry point, that run zonky's real binary as nobody. */
    /** A new empty database on {@code postgres}, as a store config. */
    static StoreConfig freshDatabase(EmbeddedPostgres postgres) {
        String database = "test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return StoreConfig.postgresql(postgres.getJdbcUrl("postgres", database), "postgres", null);
    }

    private static InputStream wrappersRunningAsNobody(String system, String machineHardware) throws IOException {
        Path real = unpackedOnce(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware));
        ByteArrayOutputStream txz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(txz, new LZMA2Options()))) {
            for (String name : ENTRY_POINTS) {
                // cd /: nobody may not enter the build's working directory, which initdb and pg_ctl look up
                byte[] script = "#!/bin/sh\ncd / && exec setpriv --reuid=%d --regid=%d --clear-groups %s \"$@\"\n"
                        .formatted(NOBODY, NOBODY, real.resolve("bin").resolve(name)).getBytes(UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("bin/" + name);
                entry.setSize(script.length);
                entry.setMode(0755);
                tar.putArchiveEntry(entry);
                tar.write(script);
                tar.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(txz.toByteArray());
    }

    /** Zonky's binaries, unpacked where nobody can run them, once per machine: the directory is named by digest. */
    private static Path unpackedOnce(InputStream txz) throws IOException {
        byte[] archive = txz.readAllBytes();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg", "nobody-" + md5(archive));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path unpacking = Files.createTempDirectory(target.getParent(), "unpacking-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = unpacking.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.setPosixFilePermissions(unpacking, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException unpackedMeanwhile) {
            // another build on this machine got there first; its copy is the same
        }
        return target;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
