#!/usr/bin/env python3
"""Chaos soak of Podium's sync, by hand (not in CI: it runs for minutes and its outcome depends on
timing). A headless host, the online moderator (--takeover-after 3), two read-only seats and two
`podium ctl` drivers; every 4-10 s a seat or the host is stopped, killed or started again at
random (a killed host comes back as --host on its file and must give way). At the end every
seat's file goes through `podium --check` and their state digests must agree.

    tests/soak/chaos.py [RUN_DIR [SEED [SECONDS]]]     (PODIUM=path/to/podium, default build/)

Ports 48800-48899 (by seed). Prints RESULT agree|DISAGREE; each process's output is in RUN_DIR.
"""
import json, os, random, re, signal, subprocess, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get('PODIUM', os.path.join(HERE, '..', '..', 'build', 'app', 'podium'))
D = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'soak-run')
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 1
DURATION = int(sys.argv[3]) if len(sys.argv) > 3 else 240
random.seed(SEED)
os.makedirs(f'{D}/home/xdg', mode=0o700, exist_ok=True)
ENV = dict(os.environ, HOME=f'{D}/home', XDG_RUNTIME_DIR=f'{D}/home/xdg',
           QT_QPA_PLATFORM='offscreen')
A, B = 48800 + 10 * (SEED % 10), 48801 + 10 * (SEED % 10)
LOG = open(f'{D}/chaos.log', 'a')


def log(*a):
    line = time.strftime('%H:%M:%S ') + ' '.join(str(x) for x in a)
    print(line, flush=True)
    LOG.write(line + '\n')
    LOG.flush()


class Proc:
    def __init__(self, name, args):
        self.name, self.args = name, args
        self.out = open(f'{D}/{name}.out', 'a')
        self.start()

    def start(self):
        self.out.write(f'=== start {time.time():.1f} {" ".join(self.args)}\n')
        self.out.flush()
        self.p = subprocess.Popen([BIN] + self.args, stdout=self.out, stderr=subprocess.STDOUT,
                                  env=ENV)
        log('start', self.name, self.p.pid)

    def sig(self, s):
        if self.p.poll() is None:
            self.p.send_signal(s)
            log('signal', self.name, s)

    def alive(self):
        return self.p.poll() is None

    def text(self):
        return open(f'{D}/{self.name}.out').read()


def file(name):
    return f'{D}/{name}.podium'


host = Proc('H', ['--headless', '--host', '--announce', '--port', str(A),
                  '--session', file('H')])
for _ in range(100):
    t = host.text()
    m1, m2 = re.search(r'^control code: (\S+)', t, re.M), re.search(r'read-only code: (\S+)', t)
    if m1 and m2:
        break
    time.sleep(0.2)
CONTROL, READONLY = m1.group(1), m2.group(1)
log('codes', CONTROL, READONLY)
at = f'127.0.0.1:{A}'
online = Proc('M', ['--headless', '--join', at, '--code', CONTROL, '--session', file('M'),
                    '--takeover-port', str(B), '--takeover-after', '3', '--announce'])
r1 = Proc('R1', ['--headless', '--join', at, '--code', READONLY, '--session', file('R1')])
r2 = Proc('R2', ['--headless', '--join', at, '--code', READONLY, '--session', file('R2')])
time.sleep(3)

current = [A]
stop = threading.Event()
stats = {'ok': 0, 'refused': 0, 'failed': 0}


def ctl(args, port=None, timeout=6):
    port = port or current[0]
    r = subprocess.run([BIN, 'ctl', '--join', f'127.0.0.1:{port}', '--code', CONTROL,
                        '--timeout', '5'] + args, capture_output=True, text=True, env=ENV,
                       timeout=timeout + 10)
    return r.returncode, r.stdout + r.stderr


def participants():
    rc, out = ctl(['state', '--json'])
    if rc != 0:
        return []
    try:
        return [p['id'] for p in json.loads(out)['participants']]
    except Exception as e:
        log('state parse', e, out[:200])
        return []


def driver(name):
    rnd = random.Random(SEED * 100 + hash(name) % 100)
    ids = []
    n = 0
    while not stop.is_set():
        if not ids or rnd.random() < 0.05:
            ids = participants() or ids
        cmd = rnd.choice(['next', 'next', 'end', 'add', 'add', 'message', 'start', 'pause',
                          'adjust'])
        if cmd == 'add' and ids:
            args = ['add', str(rnd.choice(ids))]
        elif cmd == 'message':
            args = ['message', f'{name} {n}']
        elif cmd in ('start', 'pause'):
            args = [cmd, rnd.choice(['speaker', 'segment', 'session'])]
        elif cmd == 'adjust':
            args = ['adjust', 'speaker', str(rnd.choice([-30000, 30000, 60000]))]
        else:
            args = [cmd] if cmd != 'add' else ['next']
        n += 1
        try:
            rc, out = ctl(args)
        except subprocess.TimeoutExpired:
            rc, out = 99, 'timeout'
        if rc == 0:
            stats['ok'] += 1
        elif 'Refused by the host' in out:
            stats['refused'] += 1
        else:
            stats['failed'] += 1
            # the host may have moved: try the other port next time
            current[0] = B if current[0] == A else A
            if stats['failed'] % 10 == 1:
                log(name, 'failed', rc, out.strip()[:160])
        time.sleep(rnd.uniform(0.0, 0.3))


threads = [threading.Thread(target=driver, args=(n,), daemon=True) for n in ('d1', 'd2')]
for t in threads:
    t.start()

seats = {'H': host, 'M': online, 'R1': r1, 'R2': r2}
host_args = {'H': host.args, 'M': ['--headless', '--host', '--announce',
                                   '--session', file('M')]}
start = time.time()
while time.time() - start < DURATION:
    time.sleep(random.uniform(4, 10))
    what = random.choice(['stopR', 'killR', 'stopM', 'killHost', 'stopHost', 'nothing'])
    if what == 'stopR':
        s = seats[random.choice(['R1', 'R2'])]
        s.sig(signal.SIGSTOP)
        time.sleep(random.uniform(2, 12))
        s.sig(signal.SIGCONT)
    elif what == 'killR':
        s = seats[random.choice(['R1', 'R2'])]
        s.sig(signal.SIGKILL)
        s.p.wait()
        time.sleep(random.uniform(0, 4))
        s.start()
    elif what == 'stopM':
        online.sig(signal.SIGSTOP)
        time.sleep(random.uniform(1, 2.5))
        online.sig(signal.SIGCONT)
    elif what == 'stopHost':
        # shorter than the takeover delay plus the detection: a host paused, not gone
        victim = host if host.alive() else online
        victim.sig(signal.SIGSTOP)
        time.sleep(random.uniform(0.5, 2))
        victim.sig(signal.SIGCONT)
    elif what == 'killHost':
        # whichever is hosting: H first; then M took over. Restart the killed one as a host: it
        # must give way to the one that leads.
        for name in ('H', 'M'):
            s = seats[name]
            run = s.text().rsplit('=== start', 1)[-1]
            started_as_host = run.split('\n', 1)[0].find('--host') >= 0
            if started_as_host:
                hosting = 'stepping down' not in run
            else:
                hosting = 'took over' in run and 'stepping down' not in run.rsplit('took over', 1)[-1]
            if hosting and s.alive():
                s.sig(signal.SIGKILL)
                s.p.wait()
                time.sleep(random.uniform(5, 9))
                if name == 'H':
                    s.start()
                else:
                    # the takeover host comes back as host on its own file (no seat takes over
                    # from M: H, given way, has no --takeover-after)
                    s.args = host_args['M']
                    s.start()
                break
    log('chaos', what, stats)

stop.set()
for t in threads:
    t.join(timeout=30)
for s in seats.values():
    if s.alive():
        s.sig(signal.SIGCONT)
log('settling', stats)
time.sleep(20)
# one more command so that every seat has the same last event
for port in (A, B):
    rc, out = ctl(['message', 'final'], port)
    log('final on', port, rc, out.strip()[:200])
    rc, out = ctl(['digest'], port)
    log('digest on', port, rc, out.strip()[:200])
time.sleep(8)
digests = {}
for name in seats:
    r = subprocess.run([BIN, '--check', file(name)], capture_output=True, text=True, env=ENV)
    m = re.search(r'state digest: (\S+)', r.stdout)
    ev = re.search(r'events:\s+(.*)', r.stdout)
    digests[name] = m.group(1) if m else None
    log('check', name, 'alive' if seats[name].alive() else 'dead', r.returncode,
        ev.group(1) if ev else '', digests[name], r.stdout.strip().splitlines()[-1] if r.stdout else r.stderr[:200])
for name, s in seats.items():
    o = s.text()
    log(name, 'orphaned lines', len(re.findall('orphaned', o)), 'errors',
        len(re.findall(r'^error', o, re.M)))
for s in seats.values():
    s.sig(signal.SIGTERM)
time.sleep(2)
for s in seats.values():
    s.sig(signal.SIGKILL)
log('RESULT', 'agree' if len(set(digests.values())) == 1 else 'DISAGREE', digests)
