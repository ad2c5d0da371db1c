package dev.akguard.cli.common;

import dev.akguard.core.suppress.Config;
import dev.akguard.core.suppress.ConfigException;
import picocli.CommandLine;

/**
 * Sizes on the command line ({@code 100k}, {@code 512m}, {@code 2g}, {@code 12345}), read as the
 * config file reads them.
 */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Config.parseSize(value, "size");
        } catch (ConfigException e) {
            throw new CommandLine.TypeConversionException(
                    "'"
                            + value
                            + "' is not a size: use a positive number with an optional k, m or g suffix");
        }
    }
}
