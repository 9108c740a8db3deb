import re,glob,sys
for f in glob.glob('src/**/*.astro', recursive=True):
    src=open(f).read()
    parts=src.split('---')
    if len(parts)>=3: tpl='---'.join(parts[2:]); off=len(parts[0])+len(parts[1])+6
    else: tpl=src; off=0
    tpl=re.split(r'<style', tpl)[0]
    lines=tpl.split('\n')
    for i in range(len(lines)-1):
        a=lines[i].rstrip(); b=lines[i+1].lstrip()
        if not a or not b: continue
        # expression end then text
        if a.endswith('}') and re.match(r"[A-Za-z0-9(/'\"$–—]", b) and not a.endswith('{}') :
            print(f, i, '|', a[-60:], '||', b[:50])
        # text then expression start
        elif re.search(r"[A-Za-z0-9,.;:/)'’]$", a) and b.startswith('{') and not a.strip().startswith('<') and not re.search(r'[=(]\s*$', a):
            if re.search(r'>[^<]*$|^[^<>]*$', a) and not a.strip().endswith(')'):
                print(f, i, '|', a[-60:], '||', b[:50])
