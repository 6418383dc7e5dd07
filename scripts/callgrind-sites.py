"""Inclusive cost per call site, with inlined frames resolved: which line of our source pays for
which callee (a regex search inlined into a rule shows as the rule's line, not as regex code).

    valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file=cg.out \
      --dump-before='claimtrack::cli::bench::thread_cpu_secs' \
      claimtrack bench claims --jsonl data/eval/dev/articles.jsonl --rounds 11
    python3 scripts/callgrind-sites.py cg.out.3 target/release/claimtrack [N]

Prints: inclusive instructions, calls, instructions per call, the innermost frame in src/
(outside the `Rx` wrapper in claims/mod.rs) and the callee. Needs addr2line (binutils).
"""
import sys, re, subprocess, collections
path, binary = sys.argv[1], sys.argv[2]
names = {}
def name(s):
    m = re.match(r'\((\d+)\)(?:\s+(.*))?', s)
    if not m: return s
    if m.group(2) is not None: names[m.group(1)] = m.group(2)
    return names.get(m.group(1), '?')
obs = {}
def obname(s):
    m = re.match(r'\((\d+)\)(?:\s+(.*))?', s)
    if m.group(2) is not None: obs[m.group(1)] = m.group(2)
    return obs.get(m.group(1))
last = [0, 0]
def pos(tok, i):
    if tok == '*': return last[i]
    if tok[0] in '+-': v = last[i] + int(tok, 0) if not tok[1:].startswith('0x') else last[i] + (1 if tok[0]=='+' else -1)*int(tok[1:], 16)
    else: v = int(tok, 16) if tok.startswith('0x') else int(tok)
    last[i] = v; return v
cur_ob = None; cfn = None; pending = False; cob = None
sites = collections.Counter(); ncalls = collections.Counter(); callee_of = {}
for line in open(path):
    line = line.rstrip('\n')
    if line.startswith('ob='): cur_ob = obname(line[3:]); continue
    if line.startswith('cob='): cob = obname(line[4:]); continue
    if line.startswith('fn='): name(line[3:]); cob=None; continue
    if line.startswith('cfn='): cfn = name(line[4:]); continue
    if line.startswith('cfi=') or line.startswith('cfl=') or line.startswith('fi=') or line.startswith('fe=') or line.startswith('fl='): continue
    if line.startswith('calls='):
        parts = line.split()
        # target position: instr line
        pending = int(parts[0][6:]); continue
    if line and (line[0] in '0123456789+-*'):
        toks = line.split()
        a = pos(toks[0], 0); pos(toks[1], 1)
        if pending is not False:
            pc = pending; pending = False
            if cur_ob and cur_ob.endswith(binary.split('/')[-1]):
                sites[(a, cfn)] += int(toks[2]); ncalls[(a,cfn)] += pc
        continue
# resolve addresses
addrs = sorted({a for a,_ in sites})
out = subprocess.run(['addr2line','-i','-f','-C','-e',binary] + [hex(a) for a in addrs], capture_output=True, text=True).stdout
# addr2line -i prints variable number of lines per address; use --addresses to delimit
out = subprocess.run(['addr2line','-a','-i','-f','-C','-e',binary] + [hex(a) for a in addrs], capture_output=True, text=True).stdout.split('\n')
where = {}; cur=None; frames=[]
i=0
while i < len(out):
    l = out[i]
    if l.startswith('0x'):
        if cur is not None: where[cur]=frames
        cur = int(l,16); frames=[]; i+=1; continue
    if i+1 < len(out):
        frames.append((l, out[i+1])); i+=2
    else: i+=1
if cur is not None: where[cur]=frames
agg = collections.Counter(); aggn = collections.Counter()
for (a, cfn), c in sites.items():
    fr = where.get(a, [])
    # innermost frame in our source
    loc = '?'
    for fn, fl in fr:
        if '/work/wt/' in fl and 'claims/mod.rs' not in fl:
            loc = fl.split('/src/')[-1].split(' ')[0] + ' ' + fn.split('::')[-1][:30]; break
    agg[(loc, cfn[:90])] += c; aggn[(loc, cfn[:90])] += ncalls[(a,cfn)]
tot = 0
for (loc, cfn), c in agg.most_common(int(sys.argv[3]) if len(sys.argv)>3 else 60):
    print(f"{c:>12,} {aggn[(loc,cfn)]:>8} {c//max(1,aggn[(loc,cfn)]):>7}  {loc:45s} {cfn}")
