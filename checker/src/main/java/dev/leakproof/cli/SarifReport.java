package dev.leakproof.cli;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Fix;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.errorprone.BugCheckerInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A SARIF 2.1.0 log of a scan, in the shape GitHub code scanning takes: one rule per check, one
 * result per finding with a location relative to the scan root ({@code %SRCROOT%}), and each fix as
 * a SARIF fix whose replacements name both the characters and the lines they replace.
 */
final class SarifReport {
  static final String ROOT_ID = "%SRCROOT%";
  private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
  private static final URI HOME = URI.create("https://github.com/leakproof/leakproof");

  private SarifReport() {}

  static String write(
      List<BugCheckerInfo> checks, List<Finding> findings, Path root, String version) {
    List<String> ruleIds = new ArrayList<>();
    Set<ReportingDescriptor> rules = new LinkedHashSet<>();
    for (BugCheckerInfo check : checks) {
      ruleIds.add(check.canonicalName());
      rules.add(
          new ReportingDescriptor()
              .withId(check.canonicalName())
              .withName(check.canonicalName())
              .withShortDescription(new MultiformatMessageString().withText(check.message()))
              .withHelpUri(URI.create(check.linkUrl()))
              .withHelp(
                  new MultiformatMessageString()
                      .withText(check.message() + ". See " + check.linkUrl())
                      .withMarkdown(
                          check.message()
                              + ". [What it finds, how to fix it, how to suppress it]("
                              + check.linkUrl()
                              + ")"))
              .withDefaultConfiguration(new ReportingConfiguration().withLevel(level(check))));
    }
    List<Result> results = new ArrayList<>();
    for (Finding finding : findings) {
      results.add(result(finding, ruleIds.indexOf(finding.check())));
    }
    Run run =
        new Run()
            .withTool(
                new Tool()
                    .withDriver(
                        new ToolComponent()
                            .withName("Leakproof")
                            .withVersion(version)
                            .withInformationUri(HOME)
                            .withRules(rules)))
            .withOriginalUriBaseIds(
                new OriginalUriBaseIds()
                    .withAdditionalProperty(
                        ROOT_ID, new ArtifactLocation().withUri(directoryUri(root))))
            .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
            .withResults(results);
    SarifSchema210 log =
        new SarifSchema210()
            .with$schema(SCHEMA)
            .withVersion(SarifSchema210.Version._2_1_0)
            .withRuns(List.of(run));
    ObjectMapper json =
        new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return json.writeValueAsString(log) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the SARIF log", e);
    }
  }

  private static Result result(Finding finding, int ruleIndex) {
    Source source = finding.source();
    Result result =
        new Result()
            .withRuleId(finding.check())
            .withRuleIndex(ruleIndex)
            .withLevel(Result.Level.valueOf(finding.severity().name()))
            .withMessage(new Message().withText(finding.message()))
            .withLocations(
                List.of(
                    new Location()
                        .withPhysicalLocation(
                            new PhysicalLocation()
                                .withArtifactLocation(artifact(source))
                                .withRegion(region(source, finding.start(), finding.end())))))
            .withPartialFingerprints(
                new PartialFingerprints()
                    .withAdditionalProperty("leakproof/v1", fingerprint(finding)));
    if (finding.hasFix()) {
      List<Replacement> replacements = new ArrayList<>();
      List<Finding.Edit> edits = new ArrayList<>(finding.fix());
      edits.sort(Comparator.comparingInt(Finding.Edit::start));
      for (Finding.Edit edit : edits) {
        replacements.add(
            new Replacement()
                .withDeletedRegion(region(source, edit.start(), edit.end()))
                .withInsertedContent(new ArtifactContent().withText(edit.text())));
      }
      Set<ArtifactChange> changes = new LinkedHashSet<>();
      changes.add(
          new ArtifactChange()
              .withArtifactLocation(artifact(source))
              .withReplacements(replacements));
      Set<Fix> fixes = new LinkedHashSet<>();
      fixes.add(
          new Fix()
              .withDescription(new Message().withText(fixDescription(finding)))
              .withArtifactChanges(changes));
      result.withFixes(fixes);
    }
    return result;
  }

  private static String fixDescription(Finding finding) {
    return finding.check().equals("UnreleasedLock")
        ? "Move the lock before a try whose finally unlocks"
        : "Use try-with-resources";
  }

  private static ArtifactLocation artifact(Source source) {
    return new ArtifactLocation().withUri(source.relative).withUriBaseId(ROOT_ID);
  }

  /** A region by characters and by lines and columns, both; viewers use one or the other. */
  private static Region region(Source source, int start, int end) {
    return new Region()
        .withStartLine(source.line(start))
        .withStartColumn(source.column(start))
        .withEndLine(source.line(end))
        .withEndColumn(source.column(end))
        .withCharOffset(start)
        .withCharLength(end - start);
  }

  /**
   * Identifies a finding across commits that move it: the check, the file and the text of the
   * reported line, not its number.
   */
  private static String fingerprint(Finding finding) {
    Source source = finding.source();
    int from = finding.start() - (source.column(finding.start()) - 1);
    int to = source.text.indexOf('\n', from);
    String text = source.text.substring(from, to < 0 ? source.text.length() : to).strip();
    return Integer.toHexString((finding.check() + "|" + source.relative + "|" + text).hashCode());
  }

  private static ReportingConfiguration.Level level(BugCheckerInfo check) {
    return switch (check.defaultSeverity()) {
      case ERROR -> ReportingConfiguration.Level.ERROR;
      case WARNING -> ReportingConfiguration.Level.WARNING;
      case SUGGESTION -> ReportingConfiguration.Level.NOTE;
    };
  }

  private static String directoryUri(Path root) {
    String uri = root.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
