"""Counts the paging shapes of dev.tcgen.generator.model.PagingRules (the same rules, restated) over Tencent's api.json
corpus: python3 count-paging-shapes.py DIR, where DIR holds the unpacked all-services-api-json.tgz. Not part of the build."""
import glob, json, sys, collections
INT = {'int64', 'uint64'}
TOTALS = ['TotalCount', 'Total', 'TotalNum', 'TotalCounts', 'TotalCnt', 'TotalNumber']
PAGES = ['PageNumber', 'PageNum', 'PageNo', 'PageIndex', 'Page']
TOKENS = ['NextToken', 'PaginationToken', 'ScrollToken', 'PageToken']
def kind(m):
    return 'list' if m['type'] == 'list' else m.get('member', m['type'])
def shape(ins, outs):
    i = {m['name']: kind(m) for m in ins}; o = {m['name']: kind(m) for m in outs}
    lists = [n for n, k in o.items() if k == 'list']
    totals = [n for n in TOTALS if o.get(n) in INT]
    offset = i.get('Offset') in INT and i.get('Limit') in INT
    pages = [n for n in PAGES if i.get(n) in INT]
    page = len(pages) == 1 and i.get('PageSize') in INT
    tokens = [n for n in TOKENS if i.get(n) == 'string' and o.get(n) == 'string']
    forms = (1 if offset else 0) + (1 if page else 0) + (1 if tokens else 0)
    if forms == 0: return None
    if forms > 1 or len(lists) != 1 or len(totals) > 1 or len(tokens) > 1: return 'ambiguous'
    if tokens: return 'token'
    base = 'offset' if offset else 'page'
    return base + ('+total' if totals else '')
c = collections.Counter(); n = 0
for f in glob.glob(sys.argv[1] + '/**/api.json', recursive=True):
    d = json.load(open(f))
    for a in d['actions'].values():
        n += 1
        c[shape(d['objects'][a['input']]['members'], d['objects'][a['output']]['members'])] += 1
print(n, 'actions'); [print(k, v) for k, v in sorted(c.items(), key=lambda kv: str(kv[0]))]
