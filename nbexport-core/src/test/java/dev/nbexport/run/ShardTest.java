package dev.nbexport.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void everyNotebookIsInExactlyOneShardAndAddingNotebooksMovesNone() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            paths.add("notebooks/" + i + "_nb.ipynb");
        }
        int[] sizes = new int[4];
        for (String p : paths) {
            int in = 0;
            for (int s = 1; s <= 4; s++) {
                if (new Shard(s, 4).contains(p)) {
                    in++;
                    sizes[s - 1]++;
                }
            }
            assertThat(in).as(p).isEqualTo(1);
        }
        for (int n : sizes) {
            assertThat(n).isBetween(30, 70);
        }
        // membership depends on the path alone, so a new notebook never moves the others
        assertThat(new Shard(2, 4).contains("notebooks/7_nb.ipynb")).isEqualTo(new Shard(2, 4).contains("notebooks/7_nb.ipynb"));
    }

    @Test
    void aBadShardIsAClearError() {
        assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
        assertThatThrownBy(() -> Shard.parse("5/4")).isInstanceOf(NbexportException.class).hasMessageContaining("`5/4`");
        assertThatThrownBy(() -> Shard.parse("half")).isInstanceOf(NbexportException.class);
    }
}
