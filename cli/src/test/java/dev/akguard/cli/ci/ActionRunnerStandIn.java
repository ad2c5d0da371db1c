package dev.akguard.cli.ci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A local stand-in for the GitHub Actions runner, enough to run a composite action's steps as the
 * runner does: it evaluates {@code ${{ inputs.* }}}, {@code steps.*.outputs.*}, {@code
 * github.action_path}, {@code always()} and {@code ==}/{@code !=}/{@code &&} in {@code if:}; runs
 * {@code run:} steps with {@code bash --noprofile --norc -eo pipefail} in the workspace with the
 * step's env, GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_EVENT_NAME, GITHUB_BASE_REF, RUNNER_TEMP
 * and a fresh GITHUB_OUTPUT file per step; and replaces the {@code uses:} steps by stubs given by
 * the test (no network here). A failed step fails the job; later steps run only under always().
 */
final class ActionRunnerStandIn {
    /** A stubbed `uses:` step: gets its evaluated `with:` inputs; returns true on success. */
    interface UsesStub {
        boolean run(Map<String, String> with) throws IOException;
    }

    record StepRun(String name, boolean ran, int exit, String out) {}

    record JobResult(
            boolean success, List<StepRun> steps, Map<String, String> outputs, String log) {
        StepRun step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

    private final Path actionDir;
    private final Map<String, UsesStub> stubs = new LinkedHashMap<>();
    private final Map<String, String> env = new HashMap<>();

    ActionRunnerStandIn(Path actionDir) {
        this.actionDir = actionDir;
    }

    ActionRunnerStandIn stub(String usesPrefix, UsesStub stub) {
        stubs.put(usesPrefix, stub);
        return this;
    }

    ActionRunnerStandIn env(String k, String v) {
        env.put(k, v);
        return this;
    }

    JobResult run(Path workspace, Map<String, String> givenInputs, Path runnerTemp)
            throws Exception {
        JsonNode action =
                new YAMLMapper().readTree(Files.readString(actionDir.resolve("action.yml")));
        Map<String, String> inputs = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : action.path("inputs").properties()) {
            inputs.put(
                    e.getKey(),
                    e.getValue().path("default").isMissingNode()
                            ? ""
                            : e.getValue().path("default").asString());
        }
        for (String k : givenInputs.keySet()) {
            if (!inputs.containsKey(k))
                throw new IllegalArgumentException("the action has no input '" + k + "'");
        }
        inputs.putAll(givenInputs);
        Map<String, Map<String, String>> stepOutputs = new HashMap<>();
        List<StepRun> runs = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        boolean failed = false;
        for (JsonNode step : action.path("runs").path("steps")) {
            String name = step.path("name").asString();
            Ctx ctx = new Ctx(inputs, stepOutputs);
            String cond =
                    step.path("if").isMissingNode() ? "success()" : step.path("if").asString();
            if (!condition(strip(cond), ctx, failed)) {
                runs.add(new StepRun(name, false, 0, ""));
                continue;
            }
            int exit;
            String out;
            if (!step.path("uses").isMissingNode()) {
                String uses = step.path("uses").asString();
                UsesStub stub =
                        stubs.entrySet().stream()
                                .filter(e -> uses.startsWith(e.getKey()))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("no stub for uses: " + uses));
                Map<String, String> with = new HashMap<>();
                for (Map.Entry<String, JsonNode> e : step.path("with").properties())
                    with.put(e.getKey(), substitute(e.getValue().asString(), ctx));
                exit = stub.run(with) ? 0 : 1;
                out = "";
            } else {
                Path outputFile = Files.createTempFile(runnerTemp, "output", ".txt");
                Path script = Files.createTempFile(runnerTemp, "step", ".sh");
                Files.writeString(script, substitute(step.path("run").asString(), ctx));
                assertShell(step.path("shell").asString());
                ProcessBuilder pb =
                        new ProcessBuilder(
                                        "bash",
                                        "--noprofile",
                                        "--norc",
                                        "-eo",
                                        "pipefail",
                                        script.toString())
                                .directory(workspace.toFile())
                                .redirectErrorStream(true);
                pb.environment().putAll(env);
                pb.environment().put("GITHUB_ACTION_PATH", actionDir.toString());
                pb.environment().put("GITHUB_WORKSPACE", workspace.toString());
                pb.environment().put("GITHUB_OUTPUT", outputFile.toString());
                pb.environment().put("RUNNER_TEMP", runnerTemp.toString());
                for (Map.Entry<String, JsonNode> e : step.path("env").properties())
                    pb.environment().put(e.getKey(), substitute(e.getValue().asString(), ctx));
                Process p = pb.start();
                out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("step timed out: " + name);
                }
                exit = p.exitValue();
                Map<String, String> o = new HashMap<>();
                for (String line : Files.readAllLines(outputFile)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) o.put(line.substring(0, eq), line.substring(eq + 1));
                }
                if (!step.path("id").isMissingNode())
                    stepOutputs.put(step.path("id").asString(), o);
            }
            log.append("== ").append(name).append(" (exit ").append(exit).append(")\n").append(out);
            runs.add(new StepRun(name, true, exit, out));
            if (exit != 0) failed = true;
        }
        Map<String, String> outputs = new HashMap<>();
        Ctx ctx = new Ctx(inputs, stepOutputs);
        for (Map.Entry<String, JsonNode> e : action.path("outputs").properties())
            outputs.put(e.getKey(), substitute(e.getValue().path("value").asString(), ctx));
        return new JobResult(!failed, runs, outputs, log.toString());
    }

    private static void assertShell(String shell) {
        if (!shell.equals("bash"))
            throw new AssertionError("the stand-in runs bash steps only, not '" + shell + "'");
    }

    private record Ctx(Map<String, String> inputs, Map<String, Map<String, String>> steps) {}

    private static String strip(String cond) {
        Matcher m = EXPR.matcher(cond.strip());
        return m.matches() ? m.group(1) : cond.strip();
    }

    private String substitute(String text, Ctx ctx) {
        Matcher m = EXPR.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(value(m.group(1), ctx)));
        m.appendTail(b);
        return b.toString();
    }

    private String value(String expr, Ctx ctx) {
        String e = expr.strip();
        if (e.startsWith("'") && e.endsWith("'")) return e.substring(1, e.length() - 1);
        if (e.startsWith("inputs.")) return ctx.inputs().getOrDefault(e.substring(7), "");
        if (e.equals("github.action_path")) return actionDir.toString();
        Matcher m = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(e);
        if (m.matches())
            return ctx.steps().getOrDefault(m.group(1), Map.of()).getOrDefault(m.group(2), "");
        throw new AssertionError("the stand-in cannot evaluate '" + expr + "'");
    }

    private boolean condition(String expr, Ctx ctx, boolean failed) {
        boolean always = false;
        boolean result = true;
        for (String part : expr.split("&&")) {
            String p = part.strip();
            if (p.equals("always()")) {
                always = true;
                continue;
            }
            if (p.equals("success()")) {
                result &= !failed;
                continue;
            }
            if (p.equals("failure()")) {
                result &= failed;
                continue;
            }
            Matcher m = Pattern.compile("(.+?)\\s*(==|!=)\\s*(.+)").matcher(p);
            if (!m.matches())
                throw new AssertionError("the stand-in cannot evaluate condition '" + p + "'");
            boolean eq = value(m.group(1), ctx).equals(value(m.group(3), ctx));
            result &= m.group(2).equals("==") == eq;
        }
        // Without a status function in the expression, the runner adds success().
        if (!always && !expr.contains("success()") && !expr.contains("failure()"))
            result &= !failed;
        return result;
    }
}
