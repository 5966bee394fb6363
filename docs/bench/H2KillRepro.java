import java.io.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;

/**
 * Crash reproduction for the embedded H2 database (decision 15; docs/performance.md "Durability on H2").
 * A child JVM commits small transactions one at a time and prints "ACK n" after each commit returned;
 * the parent kills it with SIGKILL at a random moment up to 1.5 s after the first acknowledgement
 * ("kill"), or the child halts itself right after its n-th commit (n = 1..8 at random, "halt"). Then the
 * parent reopens the database and counts the acknowledged rows that are missing.
 *
 *   (from the repository root) java -cp h2-2.5.252.jar docs/bench/H2KillRepro.java TRIALS URL-SETTINGS kill|halt
 *   e.g. java -cp ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar docs/bench/H2KillRepro.java 50 ";WRITE_DELAY=0" kill
 *
 * -Dchurn=true: before acknowledging, the child fills and empties a table, so that the file has free
 * space old enough to be reused (use ";RETENTION_TIME=1000" to make that happen within a trial).
 * -DpreRecover=true: before reopening, open and close the file in MVStore recovery mode, as Annals does at
 * start (org.annals.base.H2CrashRecovery).
 */
public class H2KillRepro {
    private static final String SOURCE = System.getProperty("repro.source", "docs/bench/H2KillRepro.java");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) { child(args[1], args[2], Integer.parseInt(args[3])); return; }
        int trials = Integer.parseInt(args[0]);
        String settings = args[1];           // e.g. ";WRITE_DELAY=0"
        String mode = args[2];               // "kill" or "halt"
        Path dir = Files.createTempDirectory("repro");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE" + settings;
        Random random = new Random();
        int lostTrials = 0, lostTotal = 0, ackTotal = 0, corrupt = 0;
        for (int t = 1; t <= trials; t++) {
            int haltAfter = mode.equals("halt") ? 1 + random.nextInt(8) : -1;
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-DchurnWait=" + Long.getLong("churnWait", 2000),
                    "-Dchurn=" + Boolean.getBoolean("churn"), "-cp", System.getProperty("java.class.path"), SOURCE, "child", url,
                    Integer.toString(t), Integer.toString(haltAfter)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
            List<Integer> acked = new ArrayList<>();
            String line = r.readLine(); // READY
            if (mode.equals("kill")) {
                // read acks in a thread; the random moment counts from the first acknowledged commit
                Thread reader = new Thread(() -> { try { String l; while ((l = r.readLine()) != null) { if (l.startsWith("ACK ")) synchronized (acked) { acked.add(Integer.parseInt(l.substring(4))); } } } catch (IOException e) {} });
                reader.start();
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < deadline) { synchronized (acked) { if (!acked.isEmpty()) break; } Thread.sleep(2); }
                long killAt = System.nanoTime() + random.nextInt(1500) * 1_000_000L;
                while (System.nanoTime() < killAt) Thread.sleep(2);
                p.destroyForcibly();
                p.waitFor();
                reader.join();
            } else {
                String l; while ((l = r.readLine()) != null) if (l.startsWith("ACK ")) acked.add(Integer.parseInt(l.substring(4)));
                p.waitFor();
            }
            if (Boolean.getBoolean("preRecover")) {
                long t0 = System.nanoTime();
                org.h2.mvstore.MVStore recovered = new org.h2.mvstore.MVStore.Builder().fileName(dir.resolve("db.mv.db").toString()).recoveryMode().open();
                recovered.close();
                System.out.println("  recovery open+close " + (System.nanoTime() - t0) / 1000000 + " ms");
            }
            Set<Integer> present = new HashSet<>();
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 ResultSet rs = c.createStatement().executeQuery("select id from t where trial = " + t)) {
                while (rs.next()) present.add(rs.getInt(1));
            } catch (SQLException e) {
                corrupt++; System.out.println("trial " + t + ": reopen failed: " + e.getMessage()); 
                dir = Files.createTempDirectory("repro"); url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE" + settings;
                continue;
            }
            int lost = 0;
            for (int id : acked) if (!present.contains(id)) lost++;
            ackTotal += acked.size(); lostTotal += lost; if (lost > 0) lostTrials++;
            System.out.println("trial " + t + ": acked " + acked.size() + " lost " + lost + (lost > 0 ? " (present " + present.size() + ")" : "")
                + " file " + Files.size(dir.resolve("db.mv.db")) / 1024 + " KB");
        }
        System.out.println("SUMMARY settings=" + settings + " mode=" + mode + " trials=" + trials + " acked=" + ackTotal
                + " lost=" + lostTotal + " trialsWithLoss=" + lostTrials + " reopenFailures=" + corrupt);
    }

    static void child(String url, String trial, int haltAfter) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table if not exists t (trial int, id int, pad varchar(1000), primary key (trial, id))");
            c.createStatement().execute("create table if not exists big (id int primary key, pad varchar(4000))");
            c.setAutoCommit(false);
            if (Boolean.getBoolean("churn")) {
            // churn: fill and empty a table so that the file has chunks with nothing live, old enough to be reused
            String bigPad = "b".repeat(3000);
            PreparedStatement bi = c.prepareStatement("insert into big values (?, ?)");
            for (int i = 0; i < 1500; i++) { bi.setInt(1, i); bi.setString(2, bigPad); bi.executeUpdate(); if (i % 50 == 49) c.commit(); }
            c.commit();
            for (int i = 0; i < 1500; i += 50) { c.createStatement().execute("delete from big where id between " + i + " and " + (i + 49)); c.commit(); }
            Thread.sleep(Long.getLong("churnWait", 2000));
            }
            PreparedStatement ins = c.prepareStatement("insert into t values (?, ?, ?)");
            String pad = "x".repeat(500);
            System.out.println("READY"); System.out.flush();
            for (int i = 1; ; i++) {
                ins.setInt(1, Integer.parseInt(trial)); ins.setInt(2, i); ins.setString(3, pad);
                ins.executeUpdate();
                c.commit();
                System.out.println("ACK " + i); System.out.flush();
                if (haltAfter > 0 && i == haltAfter) Runtime.getRuntime().halt(0);
            }
        }
    }
}
