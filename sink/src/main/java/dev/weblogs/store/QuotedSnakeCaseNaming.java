package dev.weblogs.store;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;

/**
 * Field {@code dayOfWeek} is column {@code `day_of_week`}: snake case, and always quoted, since the
 * contract's names include hyphens ({@code raw-log}) and words MySQL reserves ({@code schema}).
 */
public final class QuotedSnakeCaseNaming extends PhysicalNamingStrategySnakeCaseImpl {

    @Override
    protected Identifier quotedIdentifier(Identifier name) {
        return Identifier.quote(unquotedIdentifier(name));
    }
}
