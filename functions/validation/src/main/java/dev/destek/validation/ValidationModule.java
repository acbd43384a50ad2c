package dev.destek.validation;

import dagger.Module;
import dagger.Provides;
import dev.destek.aws.AwsAdapters;
import dev.destek.document.DocumentValidationService;
import dev.destek.document.FileChecks;
import dev.destek.document.MalwareScanner;
import dev.destek.lambda.InBackground;
import dev.destek.rules.Rules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Singleton;

@Module
final class ValidationModule {
    /** Where uploads are spooled while checked: Lambda's ephemeral storage, which must hold the largest file. */
    static final String SCRATCH_DIR = "DESTEK_SCRATCH_DIR";

    private ValidationModule() { }

    @Provides @Singleton
    static DocumentValidationService service(@Named("env") Map<String, String> env) {
        AwsAdapters aws = AwsAdapters.fromEnv(env);
        Clock clock = Clock.systemUTC();
        MalwareScanner scanner = ClamdScanner.fromEnv(env).orElse(MalwareScanner.NONE);
        FileChecks checks = new FileChecks(new TikaTypeDetector(), MediaTypeInspector.standard(), scanner);
        Path scratch = Path.of(env.getOrDefault(SCRATCH_DIR, System.getProperty("java.io.tmpdir")));
        return new DocumentValidationService(aws.applications(), aws.documents(),
                InBackground.start("rules", () -> Rules.load(AwsAdapters.rulesEnvironment(env))), checks, aws.duplicates(clock), scratch, clock);
    }
}
