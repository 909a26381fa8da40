#!/usr/bin/env python3
"""Write the hostile inputs of run_hostile.sh into DIR (deterministic)."""
import os
import random
import sys

d = sys.argv[1]
big = int(sys.argv[2]) if len(sys.argv) > 2 else 100 << 20
sample = open("corpus/samples/000_06761eea5881ede1.txt", "rb").read()
rnd = random.Random(20261123)


def put(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


put("empty.txt", b"")
put("spaces.txt", b" \t\n\r\n   \n" * 100)
put("random.bin", bytes(rnd.getrandbits(8) for _ in range(1 << 20)))
put("nul.txt", sample.replace(b"\n\n", b"\n\x00\n", 50))
put("truncated_utf8.txt", sample + "收入".encode()[:-1])
put("invalid_utf8.txt", sample.replace(b"\xe4\xb8\x80", b"\xe4\xff\x80", 20))
put("titles.txt", "收入决算表\n公开02表\n201\t一般公共服务支出\t1.00\n".encode() * 10000)
cut = sample.index("三、支出决算表".encode())
put("truncated_table.txt", sample[: cut + 900])
put("crlf_bom.txt", b"\xef\xbb\xbf" + sample.replace(b"\n", b"\r\n"))
wide = "收入决算表\n功能分类科目编码\t科目名称\t本年收入合计\n201\t名称" + "\t" * 60 + "1.00\t0.00\t0.00\n"
put("wide_row.txt", wide.encode() * 3)
# 200,000 distinct code rows: any pass quadratic in the number of facts hangs
rows = ["测试单位2018年度部门决算", "支出决算表", "公开03表", "部门：测试单位", "单位：万元",
        "功能分类科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出"]
for i in range(200000):
    rows.append(f"{2010000 + i}\t名称{i}\t{i % 97 + 1}.{i % 100:02d}\t{i % 97 + 1}.{i % 100:02d}\t")
put("many_rows.txt", ("\n".join(rows) + "\n").encode())
with open(os.path.join(d, "long_line.txt"), "wb") as f:
    chunk = ("收入支出决算总表 2,899.74 公开01表 " * 1000).encode()
    for _ in range(big // len(chunk) + 1):
        f.write(chunk)
