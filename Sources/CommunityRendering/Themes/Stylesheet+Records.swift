extension Stylesheet {
    /// Record pages, tables and charts: a record header with highlights, label/value grids in
    /// one or two columns, tables that scroll inside their own container, and charts that keep
    /// their intrinsic size on wide screens and shrink with narrow ones.
    static let records = """
        .ck-record-header{margin-bottom:calc(var(--ck-space)*2)}.ck-record-header h1{margin:0}\
        .ck-record-object{margin:0;font-size:.875rem;text-transform:uppercase;letter-spacing:.04em}\
        .ck-record-subtitle{margin:0;font-size:1.125rem}\
        .ck-record .ck-highlights,.ck-record .ck-fields{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--ck-space) calc(var(--ck-space)*3);margin:0}\
        .ck-record .ck-highlights{grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));margin-top:var(--ck-space)}\
        .ck-fact{min-width:0;border-bottom:1px solid #d0d7de;padding-bottom:calc(var(--ck-space)/2)}\
        .ck-record .ck-fact dt{font-size:.8125rem;color:var(--ck-muted,#57606a);margin-top:0}.ck-fact dd{margin:0;overflow-wrap:anywhere}\
        .ck-record-section{margin:calc(var(--ck-space)*3) 0}\
        @media (min-width:600px){.ck-record .ck-fields{grid-template-columns:minmax(0,1fr)}.ck-record .ck-fields-2{grid-template-columns:repeat(2,minmax(0,1fr))}}\
        .ck-table-wrap{max-width:100%;overflow-x:auto}.ck-table{border-collapse:collapse;width:100%}\
        .ck-table th,.ck-table td,.ck-chart-data th,.ck-chart-data td{text-align:start;padding:calc(var(--ck-space)/2) var(--ck-space);\
        border-bottom:1px solid #d0d7de;vertical-align:top}.ck-num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}\
        .ck-table td.ck-num,.ck-chart-data td.ck-num,.ck-table th.ck-num,.ck-chart-data th.ck-num{text-align:end}\
        .ck-table th,.ck-table td{word-break:keep-all}.ck-table td.ck-date{white-space:nowrap}\
        .ck-chart-figure{margin:0 0 calc(var(--ck-space)*2)}.ck-chart{display:block;width:100%;max-width:30rem;height:auto}\
        .ck-chart-data{border-collapse:collapse;margin-top:var(--ck-space);font-size:.875rem}\
        .ck-chart-data caption{text-align:start;font-weight:600}\
        .ck-pipeline{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:var(--ck-space)}\
        .ck-stage h3{display:flex;flex-wrap:wrap;gap:calc(var(--ck-space)/2) var(--ck-space);font-size:1rem;margin:0}\
        .ck-stage .ck-count{font-weight:400}.ck-stage .ck-amount{font-weight:400;font-variant-numeric:tabular-nums}
        """
}
