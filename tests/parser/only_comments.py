# just a comment

   # indented comment
\

