/// The report as one HTML page: the SVG picture inline and the summary as
/// preformatted text (to copy), no external files or scripts.
public enum HTMLReport {
    public static func render(title: String, svg: String, summary: GILSummary) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escaped(title))</title>
        <style>body{font-family:Helvetica,Arial,sans-serif;margin:1.5em}pre{font-size:13px}</style>
        </head><body>
        <h1>\(escaped(title))</h1>
        \(svg)
        <pre>\(escaped(GILSummaryText.text(summary)))</pre>
        </body></html>

        """
    }
}
