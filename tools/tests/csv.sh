#!/bin/sh
# The CSV input of officerinst check and allocate: RFC 4180 quoting (a
# quoted comma, a doubled quote, a line break inside a field), LF and CRLF,
# a byte-order mark, blank lines, UTF-8; and each kind of bad row, reported
# as FILE:LINE: column: message while the other rows are still decided: an
# unknown column, a missing column (said once, at the header), a bad date,
# bad money, a bad flag, a wrong number of fields, a stray quote, an
# unclosed quote, text that is not UTF-8, an empty file. Also a requests
# document (JSON) read the same way, and standard input.
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

header="id,received,session,local.number,local.name,local.country,local.district,local.lm_form,local.receipts,officer.id,officer.name,officer.office,nights,attested,with_application,application_signed,request_signed"
# A good row of local 22, by id and officer.
row() {
  printf '%s,2017-06-01 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,%s,An Officer,President,5,yes,yes,yes,yes\n' "$1" "$2"
}

# ---- quoting, line ends, encodings ------------------------------------------
{
  echo "$header"
  echo 'Q1,2017-06-01 9:00,OI-2017-FL,58,"IATSE Local 58, Toronto",Canada,11,,"$125,000.00",o1,"Anne ""Nan"" Roy",Treasurer,5,yes,yes,yes,yes'
  echo 'Q2,2017-06-02 10:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,o2,"Two-line'
  echo 'name",President,5,yes,yes,yes,yes'
  echo
  echo 'Q3,2017-06-03 11:00,OI-2017-FL,33,IATSE Local 33,US,2,LM-3,,o3,José Núñez Øster,Secretary-Treasurer,5,yes,yes,yes,yes'
  row Q4 o4
} >"$work/quoted.csv"
# A line break inside quotes is part of the field, and a name holding one
# is refused by the library (ids and names are printable text), at the
# line its row starts on; the other rows are still decided.
run 1 "$oi" allocate --ledger "$work/l.json" "$work/quoted.csv"
has "$work/err" "quoted.csv:3: officer.name: holds the control character U+000A"
has "$work/out" "3 decided: 3 awarded; 1 bad row"
run 0 "$oi" report --format csv --ledger "$work/l.json"
has "$work/out" ',58,"IATSE Local 58, Toronto",11,o1,"Anne ""Nan"" Roy",' "the quoted comma and quote"
hasnt "$work/out" ',o2,' "the name with a line break"
has "$work/out" ',o3,José Núñez Øster,' "the UTF-8 name"
run 0 "$oi" report --format json --ledger "$work/l.json"
has "$work/out" '"officer_name": "José Núñez Øster"'

# A row's line is the line it starts on, after a field with line breaks
# and after blank lines.
{
  echo "$header"
  echo 'M1,2017-06-02 10:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,m1,"Three'
  echo 'line'
  echo 'name",President,5,yes,yes,yes,yes'
  echo
  echo
  echo 'M2,2017-06-31 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,m2,X,President,5,yes,yes,yes,yes'
} >"$work/lines.csv"
run 1 "$oi" check "$work/lines.csv"
has "$work/err" "lines.csv:2: officer.name: holds the control character U+000A"
has "$work/err" "lines.csv:7: received:"

# CRLF line ends and a byte-order mark, as a spreadsheet saves them.
printf '\357\273\277' >"$work/crlf.csv"
{ echo "$header"; row C1 c1; row C2 c2; } | sed 's/$/\r/' >>"$work/crlf.csv"
run 0 "$oi" check "$work/crlf.csv"
has "$work/out" "2 decided: 2 eligible; 0 bad rows"

# Standard input.
{ echo "$header"; row S1 s1; } >"$work/stdin.csv"
run 0 "$oi" check - <"$work/stdin.csv"
has "$work/out" "S1  OI-2017-FL  eligible"
# A file named otherwise is still CSV with --input.
cp "$work/stdin.csv" "$work/requests.json"
run 0 "$oi" check --input csv "$work/requests.json"

# ---- bad rows: each reported, the others decided ----------------------------
{
  echo "$header"
  row B1 b1
  echo 'B2,2017-02-30 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,b2,X,President,5,yes,yes,yes,yes'
  echo 'B3,2017-06-01 9:00,OI-2017-FL,58,IATSE Local 58,CA,11,,"$12,50.00",b3,X,President,5,yes,yes,yes,yes'
  echo 'B4,2017-06-01 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,b4,X,President,5,yes,perhaps,yes,yes'
  echo 'B5,2017-06-01 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,b5,X,President,5,yes,yes,yes'
  echo 'B6,2017-06-01 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,b6,X "the" Y,President,5,yes,yes,yes,yes'
  echo 'B7,2017-06-01 9:00,OI-2017-FX,22,IATSE Local 22,US,3,LM-4,,b7,X,President,5,yes,yes,yes,yes'
  printf 'B8,2017-06-01 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,b8,Bad \351ncoding,President,5,yes,yes,yes,yes\n'
  row B9 b9
} >"$work/bad.csv"
run 1 "$oi" check "$work/bad.csv"
has "$work/err" "bad.csv:3: received: 2017-02 has no day 30"
has "$work/err" "bad.csv:4: local.receipts: \"\$12,50.00\" is not an amount of money"
has "$work/err" "bad.csv:5: with_application: expected true or false"
has "$work/err" "bad.csv:6: 16 fields, the header has 17"
has "$work/err" "bad.csv:7: not RFC 4180 CSV"
has "$work/err" "bad.csv:8: session: no session \"OI-2017-FX\""
has "$work/err" "did you mean \"OI-2017-FL\"?"
has "$work/err" "bad.csv:9: officer.name: not UTF-8 text"
lines "$work/err" 7
has "$work/out" "B1  OI-2017-FL  eligible"
has "$work/out" "B9  OI-2017-FL  eligible"
has "$work/out" "2 decided: 2 eligible; 7 bad rows"
# The same rows in the decisions document and the CSV output: the bad ones
# with their errors.
run 1 "$oi" check --format json "$work/bad.csv"
has "$work/out" '"format":"officerinst-decisions"'
has "$work/out" '{"request":"B1","outcome":"eligible"'
has "$work/out" '"field":"received","line":3'
run 1 "$oi" check --format csv "$work/bad.csv"
has "$work/out" "line,id,session,course,outcome,nights_requested,nights,payee,reasons"
has "$work/out" ",B1,OI-2017-FL,,eligible,5,"
has "$work/out" "3,,,,error,,,,"
# --strict: nothing is decided.
run 1 "$oi" check --strict "$work/bad.csv"
has "$work/err" "--strict: 7 bad rows, nothing decided"
lines "$work/out" 0

# A quoted field never closed, at the end of the file.
{ echo "$header"; row U1 u1; echo 'U2,2017-06-01 9:00,OI-2017-FL,22,"IATSE Local 22'; } >"$work/unclosed.csv"
run 1 "$oi" check "$work/unclosed.csv"
has "$work/err" "unclosed.csv:3: a quoted field is not closed"
has "$work/out" "U1  OI-2017-FL  eligible"

# A NUL byte in a field.
{ echo "$header"; row N1 n1; printf 'N2,2017-06-01 9:00,OI-2017-FL,22,IATSE Local 22,US,3,LM-4,,n2,A\000B,President,5,yes,yes,yes,yes\n'; } >"$work/nul.csv"
run 1 "$oi" check "$work/nul.csv"
has "$work/err" "nul.csv:3: officer.name: holds a NUL byte"

# A field over the limit makes its row bad, not the program's memory.
{ echo "$header"; head -c 70000 /dev/zero | tr '\0' x | sed 's/^/L1,/;s/$/\n/'; row L2 l2; } >"$work/long.csv"
run 1 "$oi" check "$work/long.csv"
has "$work/err" "long.csv:2: a field longer than 65536 bytes"
has "$work/out" "L2  OI-2017-FL  eligible"

# ---- the header ---------------------------------------------------------------
# An unknown column: said once, at the header's line, with what was meant.
{ echo "$header,sesion" | sed 's/,session,/,/'; row H1 h1 | sed 's/,OI-2017-FL,/,/;s/$/,OI-2017-FL/'; row H2 h2 | sed 's/,OI-2017-FL,/,/;s/$/,OI-2017-FL/'; } >"$work/unknown.csv"
run 1 "$oi" check "$work/unknown.csv"
has "$work/err" "unknown.csv:1: sesion: unknown field \"sesion\"; did you mean \"session\"? (in the header: every row is refused)"
lines "$work/err" 1
has "$work/out" "0 decided: none; 2 bad rows"
# A missing column: said once.
{ echo "$header" | sed 's/,nights//'; row M1 m1 | sed 's/,5,yes/,yes/'; row M2 m2 | sed 's/,5,yes/,yes/'; } >"$work/missing.csv"
run 1 "$oi" check "$work/missing.csv"
has "$work/err" "missing.csv:1: nights: missing field \"nights\" (in the header: every row is refused)"
lines "$work/err" 1
# A column given twice.
{ echo "$header,id"; row D1 d1 | sed 's/$/,D1/'; } >"$work/twice.csv"
run 1 "$oi" check "$work/twice.csv"
has "$work/err" "twice.csv:1: id:"
# An empty cell of a present column is the row's error, not the header's.
{ echo "$header"; row E1 e1 | sed 's/,5,yes/,,yes/'; row E2 e2; } >"$work/cell.csv"
run 1 "$oi" check "$work/cell.csv"
has "$work/err" "cell.csv:2: nights: missing field \"nights\""
hasnt "$work/err" "in the header"
# An empty file: no header; a header alone: nothing to decide.
: >"$work/empty.csv"
run 1 "$oi" check "$work/empty.csv"
has "$work/err" "empty.csv:1: the file is empty"
printf '\n\n' >"$work/blank.csv"
run 1 "$oi" check "$work/blank.csv"
echo "$header" >"$work/header-only.csv"
run 0 "$oi" check "$work/header-only.csv"
has "$work/out" "0 decided: none; 0 bad rows"
run 3 "$oi" check "$work/no-such-file.csv"
has "$work/err" "no-such-file.csv: No such file or directory"

# ---- applications, and the requests document ----------------------------------
{
  echo "id,session,course,local.number,local.name,local.country,local.district,officer.id,officer.office,officer.graduations"
  echo "A1,ADV-2017-MD,ORG-2.0,101,IATSE Local 101,US,2,a1,Business Agent,Toronto 2015-06-12"
  echo "A2,ADV-2017-MD,ST-2.0,101,IATSE Local 101,US,2,a2,Treasurer,"
  echo "A3,OI-2017-MD,OI-1.0,404,IATSE Local 404,CA,11,a3,President,"
} >"$work/applications.csv"
run 0 "$oi" check "$work/applications.csv"
has "$work/out" "A2  ADV-2017-MD  ST-2.0      admitted"
has "$work/out" "A3  OI-2017-MD   OI-1.0      refused"
has "$work/out" "[E1] a Canadian local may not attend session OI-2017-MD"

# The shipped sample as CSV and as a requests document: the same decisions.
# (The document also holds four applications, after the requests.)
run 0 "$oi" allocate --format csv "$top_srcdir/examples/requests-2017.csv"
head -41 "$work/out" >"$work/from-csv"
run 0 "$oi" allocate --format csv "$top_srcdir/examples/requests-2017.json"
head -41 "$work/out" >"$work/from-json"
has "$work/from-csv" ",R40,OI-2017-FL,,waitlisted,"
has "$work/out" ",A4,ADV-2017-CA,ORG-2.0,refused,"

same "$work/from-csv" "$work/from-json" "the decisions of the CSV and the JSON sample"
# A document's bad elements: FILE:LINE:COLUMN: path: message.
run 1 "$oi" check "$top_srcdir/tests/json/requests-2017-errors.json"
has "$work/err" "requests-2017-errors.json:6:30: requests[1].session: no session \"OI-2017-ND\""
printf '{"format": "officerinst-requests", "version": 1, "requests": [}' >"$work/broken.json"
run 3 "$oi" check "$work/broken.json"
has "$work/err" "broken.json:1:"

finish
