// The second process of the till benchmark: a read-only connection that queries the till database
// in a loop (what a reporting tool, backup or the analytics side would do) while sales commit.
// Prints READY, then on stdin "stop" prints the number of reads and exits.
import Database from 'better-sqlite3';

const file = process.argv[2];
if (!file) throw new Error('usage: tillReader <db file>');
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const queries = [
  db.prepare('SELECT count(*) AS n, sum(total) AS t FROM sales WHERE occurred_at >= ?'),
  db.prepare(
    'SELECT p.id FROM product_fts JOIN products p ON p.num = product_fts.rowid WHERE product_fts MATCH ? ORDER BY rank LIMIT 20',
  ),
  db.prepare('SELECT * FROM sales WHERE receipt_no = ?'),
  db.prepare("SELECT seq, body FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 100"),
];
const words = ['silk', 'kur', 'maroon', 'sher', 'cotton', 'jut', 'navy', 'gold'];
let reads = 0;
let stop = false;
process.stdin.on('data', () => {
  stop = true;
});
console.log('READY');
const loop = (): void => {
  for (let i = 0; i < 20 && !stop; i++) {
    const q = reads % 4;
    if (q === 0) queries[0]!.get(Date.now() - 86_400_000);
    else if (q === 1) queries[1]!.all(`"${words[reads % words.length]}"*`);
    else if (q === 2) queries[2]!.get(`S1-T1-${String(1 + (reads % 900_000)).padStart(6, '0')}`);
    else queries[3]!.all();
    reads++;
  }
  if (stop) {
    console.log(`READS ${reads}`);
    db.close();
    process.exit(0);
  }
  setImmediate(loop);
};
loop();
