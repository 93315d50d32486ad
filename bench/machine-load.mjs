// How much CPU the rest of the machine took while a benchmark ran: everything /proc/stat counts
// as busy, minus this process and its descendants (the headless browser). On a 2-core machine
// shared with builds and test suites this says whether a figure was measured in peace.
import { readFileSync, readdirSync } from 'node:fs';

// Ticks of all CPUs so far (/proc/stat's cpu line): total, idle (with iowait), and steal, the
// time the host gave to other machines.
export function cpuTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), idle: fields[3] + fields[4], steal: fields[7] };
}

// Busy and total ticks of all CPUs, and the ticks (user + system) of every process by pid.
// Steal counts as busy: time the benchmark did not get.
function snapshot() {
  const { total, idle } = cpuTicks();
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces; fields after it are fixed.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return { busy: total - idle, total, procs };
}

function ownTree(procs) {
  const own = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!own.has(pid) && own.has(p.ppid)) {
        own.add(pid);
        grew = true;
      }
    }
  }
  return own;
}

// Starts a window; the returned function ends it and gives the cores used on average by this
// process tree (`own`) and by everything else (`others`). Null where /proc is not available.
export function startLoadMeter() {
  let before;
  try {
    before = snapshot();
  } catch {
    return () => null;
  }
  return () => {
    const after = snapshot();
    // /proc/stat sums the ticks of every CPU, so a share of it times the CPU count is in cores.
    const span = after.total - before.total;
    const cores = (ticks) => (span > 0 ? (ticks / span) * cpuCount() : 0);
    let own = 0;
    for (const pid of ownTree(after.procs)) {
      own += after.procs.get(pid).ticks - (before.procs.get(pid)?.ticks ?? 0);
    }
    const busy = after.busy - before.busy;
    return { own: cores(own), others: cores(Math.max(0, busy - own)) };
  };
}

export function cpuCount() {
  return readFileSync('/proc/stat', 'utf8').split('\n').filter((line) => /^cpu\d+ /.test(line)).length;
}
