package dev.mawm.models.nn;

import dev.mawm.models.ops.ParamSpec;
import java.util.List;

/**
 * A family's network, rebuilt from a {@link dev.mawm.models.checkpoint.ModelSpec} by {@link Networks}.
 * The forward methods are family specific (cast to {@link dev.mawm.models.nn.mlp.MlpEnsemble},
 * {@link dev.mawm.models.nn.gru.GruWorldModel}, …); every one is written once against
 * {@link dev.mawm.models.ops.Ops}.
 */
public interface WorldModelNetwork {
    /** @return the family name, e.g. {@code mlp} */
    String family();

    /** @return every declared parameter, in a fixed order (initialization draws in this order) */
    List<ParamSpec> params();

    /** @return the observation/state width S */
    int obsDim();

    /** @return the number of discrete actions A */
    int actionCount();
}
