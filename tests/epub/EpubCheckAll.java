// EPUBCheck on several EPUBs in one Java process: its start-up (loading and
// compiling its schemas) is most of a run, and is paid once.
// Arguments: pairs of (EPUB, JSON report to write). Exit status: 0 when every
// file could be checked (the reports tell what was found), 2 otherwise.
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckAll {
    public static void main(String[] args) {
        int status = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            try {
                new EpubChecker().run(new String[] {args[i], "--json", args[i + 1], "-q"});
            } catch (RuntimeException error) {
                System.err.println(args[i] + ": " + error);
                status = 2;
            }
        }
        System.exit(status);
    }
}
