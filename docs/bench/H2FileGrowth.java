import java.nio.file.*;
import java.sql.*;
/**
 * File size of an H2 database under a steady stream of small commits (decision 15, docs/performance.md
 * "Durability on H2"): one insert or update per commit for SECONDS, optionally PAUSE_MS between commits.
 *
 *   (from the repository root) java -cp ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar \
 *       docs/bench/H2FileGrowth.java ";WRITE_DELAY=0" SECONDS [PAUSE_MS]
 */
public class H2FileGrowth {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("growth");
        String url = "jdbc:h2:file:" + dir.resolve("db") + a[0];
        long seconds = Long.parseLong(a[1]);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table t (id int primary key, state varchar(20), pad varchar(500))");
            c.setAutoCommit(false);
            PreparedStatement ins = c.prepareStatement("insert into t values (?, 'SUBMITTED', ?)");
            PreparedStatement upd = c.prepareStatement("update t set state = 'REJECTED' where id = ?");
            String pad = "p".repeat(300);
            long start = System.nanoTime(), next = 10;
            int i = 0;
            while (true) {
                long el = (System.nanoTime() - start) / 1_000_000_000L;
                if (el >= next) { System.out.println(el + " s: " + i + " writes, file " + Files.size(dir.resolve("db.mv.db")) / 1024 + " KB"); next += 10; }
                if (el >= seconds) break;
                i++;
                if (i % 2 == 1) { ins.setInt(1, i); ins.setString(2, pad); ins.executeUpdate(); }
                else { upd.setInt(1, i - 1); upd.executeUpdate(); }
                c.commit();
                if (a.length > 2) Thread.sleep(Long.parseLong(a[2]));
            }
        }
        System.out.println("after close: file " + Files.size(dir.resolve("db.mv.db")) / 1024 + " KB");
    }
}
