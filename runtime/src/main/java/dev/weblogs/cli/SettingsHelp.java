package dev.weblogs.cli;

import dev.weblogs.failure.Secrets;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Usage help that adds to each setting the environment variable it is read from and its default, derived
 * from the option itself so that the two can never disagree. Defaults are shown with passwords masked.
 */
public final class SettingsHelp implements IHelpFactory {

    @Override
    public Help create(CommandSpec spec, ColorScheme scheme) {
        return new Help(spec, scheme) {
            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                IOptionRenderer standard = super.createDefaultOptionRenderer();
                return (option, labels, colors) -> withEnvironment(standard.render(option, labels, colors), option,
                        colors);
            }
        };
    }

    private static Text[][] withEnvironment(Text[][] rows, OptionSpec option, ColorScheme colors) {
        if (!EnvironmentDefaults.isSetting(option) || rows.length == 0) {
            return rows;
        }
        String defaultValue = option.defaultValue();
        String shown = defaultValue == null || defaultValue.isEmpty()
                ? (option.type() == boolean.class ? "false" : "none")
                : Secrets.mask(defaultValue);
        Text[][] result = java.util.Arrays.copyOf(rows, rows.length + 1);
        Text[] extra = new Text[rows[0].length];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = Help.Ansi.OFF.text("");
        }
        extra[extra.length - 1] = colors.text("  env " + EnvironmentDefaults.variableName(option)
                + ", default " + shown);
        result[rows.length] = extra;
        return result;
    }
}
