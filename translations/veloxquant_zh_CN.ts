<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>KV-cache quantization workbench</source>
        <translation>KV 缓存量化工作台</translation>
    </message>
    <message>
        <source>KV dump or session (*.vqalloc.json) to open (default: the bundled sample)</source>
        <translation>要打开的 KV 转储或会话 (*.vqalloc.json)（默认：自带的示例）</translation>
    </message>
    <message>
        <source>Save PNG screenshots of the views to DIR and quit.</source>
        <translation>将各视图的 PNG 截图保存到 DIR 后退出。</translation>
    </message>
    <message>
        <source>Appearance: system, light or dark (default: the setting).</source>
        <translation>外观：system、light 或 dark（默认：按设置）。</translation>
    </message>
    <message>
        <source>Interface language: en, de or zh_CN (default: the setting, else the system locale).</source>
        <translation>界面语言：en、de 或 zh_CN（默认：按设置，否则跟随系统区域设置）。</translation>
    </message>
    <message>
        <source>Print the path of the bundled sample opened by default, and quit.</source>
        <translation>打印默认打开的内置示例的路径，然后退出。</translation>
    </message>
    <message>
        <source>The bundled samples were not found; reinstall VeloxQuant Studio.</source>
        <translation>未找到内置示例；请重新安装 VeloxQuant Studio。</translation>
    </message>
</context>
<context>
    <name>vq::ui::AboutDialog</name>
    <message>
        <source>&lt;h3&gt;VeloxQuant Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for KV-cache quantization of large language models: load real attention activations, measure quantization methods (TurboQuant, QJL, PolarQuant, KIVI, llama.cpp and MLX formats), learn how they work, allocate bits per layer and head, verify and export the allocation.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3), Eigen and Vulkan compute.&lt;/p&gt;&lt;p&gt;The bundled samples are activations of TinyStories-656K (Apache-2.0); see the LICENSE file beside them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VeloxQuant Studio %1&lt;/h3&gt;&lt;p&gt;面向大语言模型 KV 缓存量化的工作台：加载真实的注意力激活值，测量各种量化方法（TurboQuant、QJL、PolarQuant、KIVI、llama.cpp 与 MLX 格式），了解它们的工作原理，按层和头分配位数，验证并导出分配结果。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建（运行于 Qt %3），使用 Eigen 和 Vulkan 计算。&lt;/p&gt;&lt;p&gt;内置示例是 TinyStories-656K 的激活值（Apache-2.0）；详见其旁边的 LICENSE 文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About VeloxQuant Studio</source>
        <translation>关于 VeloxQuant Studio</translation>
    </message>
    <message>
        <source>&amp;About VeloxQuant Studio</source>
        <translation>关于 VeloxQuant Studio(&amp;A)</translation>
    </message>
    <message>
        <source>Version, what the program does and licences</source>
        <translation>版本、程序功能与许可证</translation>
    </message>
</context>
<context>
    <name>vq::ui::AllocationChart</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Bits per group (drag a bar to change it)</source>
        <translation>每组位数（拖动柱条可修改）</translation>
    </message>
    <message>
        <source>Stored bits per value per group (drag a bar to change it)</source>
        <translation>每组每值存储位数（拖动柱条可修改）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 bpv stored&lt;br&gt;predicted D = %4&lt;br&gt;w = %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;存储 %3 bpv&lt;br&gt;预测 D = %4&lt;br&gt;w = %5</translation>
    </message>
    <message>
        <source>No allocation yet: calibrate in the Sensitivity view (F5), then Optimal</source>
        <translation>尚无分配：先在敏感度视图中校准 (F5)，再点击“最优”</translation>
    </message>
</context>
<context>
    <name>vq::ui::AllocationModel</name>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <source>Double-click (or F2) to choose another setting; drag the bar in the chart</source>
        <translation>双击（或按 F2）选择其他设置；也可拖动图表中的柱条</translation>
    </message>
    <message>
        <source>Run Verify to measure</source>
        <translation>运行“验证”以测量</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>K/V</source>
        <translation>K/V</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <source>Rate (bpv)</source>
        <translation>码率 (bpv)</translation>
    </message>
    <message>
        <source>Stored bpv</source>
        <translation>存储 bpv</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>Predicted D</source>
        <translation>预测 D</translation>
    </message>
    <message>
        <source>Measured D</source>
        <translation>实测 D</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>The group&apos;s rate in the budget&apos;s unit</source>
        <translation>该组在预算单位下的码率</translation>
    </message>
    <message>
        <source>Exact stored bits per value (norms, scales and padding counted)</source>
        <translation>每值实际存储位数（含范数、缩放因子和填充）</translation>
    </message>
    <message>
        <source>Calibrated distortion at the chosen setting (estimated)</source>
        <translation>所选设置下的校准失真（估计值）</translation>
    </message>
    <message>
        <source>Distortion measured by Verify with the whole allocation applied</source>
        <translation>“验证”在应用整个分配后测得的失真</translation>
    </message>
</context>
<context>
    <name>vq::ui::AllocationView</name>
    <message>
        <source>Allocate: %1 at %2</source>
        <translation>分配：%1，目标 %2</translation>
    </message>
    <message>
        <source>Average rate over every group (the budget)</source>
        <translation>所有组的平均码率（即预算）</translation>
    </message>
    <message>
        <source>Pin the first N layers to the menu&apos;s highest setting</source>
        <translation>将前 N 层固定为菜单中的最高设置</translation>
    </message>
    <message>
        <source>Pin the last N layers to the menu&apos;s highest setting</source>
        <translation>将后 N 层固定为菜单中的最高设置</translation>
    </message>
    <message>
        <source>K/V budgets</source>
        <translation>K/V 分别预算</translation>
    </message>
    <message>
        <source>Give keys and values separate average rates (K/V separate groups only)</source>
        <translation>为键和值分别设定平均码率（仅限 K/V 分开的组）</translation>
    </message>
    <message>
        <source>K </source>
        <translation>K </translation>
    </message>
    <message>
        <source>V </source>
        <translation>V </translation>
    </message>
    <message>
        <source>&amp;Optimal</source>
        <translation>最优(&amp;O)</translation>
    </message>
    <message>
        <source>Exact optimum of the discrete problem on the measured table</source>
        <translation>基于实测表求离散问题的精确最优解</translation>
    </message>
    <message>
        <source>&amp;RateQuant</source>
        <translation>RateQuant(&amp;R)</translation>
    </message>
    <message>
        <source>VeloxQuant-MLX&apos;s closed form (for parity)</source>
        <translation>VeloxQuant-MLX 的闭式解（用于对照）</translation>
    </message>
    <message>
        <source>&amp;Uniform</source>
        <translation>均匀(&amp;U)</translation>
    </message>
    <message>
        <source>The same setting for every group: the baseline</source>
        <translation>所有组使用相同设置：基线</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>Quantize the dump as allocated and measure (predicted vs measured)</source>
        <translation>按分配量化转储并测量（预测值对比实测值）</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>目标(&amp;T)</translation>
    </message>
    <message>
        <source>Protect first</source>
        <translation>保护前</translation>
    </message>
    <message>
        <source>last</source>
        <translation>后</translation>
    </message>
    <message>
        <source>Allocate:</source>
        <translation>分配：</translation>
    </message>
    <message>
        <source>bits / value</source>
        <translation>位/值</translation>
    </message>
    <message>
        <source>bpv (stored)</source>
        <translation>bpv（存储）</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Run a calibration (Sensitivity view, F5) to allocate bits.</source>
        <translation>请先运行校准（敏感度视图，F5）再分配位数。</translation>
    </message>
    <message>
        <source>%1 bits/value (%2 bpv stored)</source>
        <translation>%1 位/值（存储 %2 bpv）</translation>
    </message>
    <message>
        <source>%1 bpv</source>
        <translation>%1 bpv</translation>
    </message>
    <message>
        <source>(over the target)</source>
        <translation>（超出目标）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · average %2 · memory %3 of %4 fp16 (%5×) · predicted distortion %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 平均 %2 · 内存 %3 / fp16 %4（%5×）· 预测失真 %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verified&lt;/b&gt; (%1 s): predicted %2, measured %3 (%4); stored %5 bpv; output error K-only %6, V-only %7</source>
        <translation>&lt;b&gt;已验证&lt;/b&gt;（%1 秒）：预测 %2，实测 %3（%4）；存储 %5 bpv；输出误差 仅 K %6，仅 V %7</translation>
    </message>
    <message>
        <source>attention output error</source>
        <translation>注意力输出误差</translation>
    </message>
    <message>
        <source>relative MSE of K plus V</source>
        <translation>K 与 V 的相对 MSE 之和</translation>
    </message>
    <message>
        <source>Predicted values are estimates from calibration; Verify measures them.</source>
        <translation>预测值是校准得出的估计；“验证”会实际测量。</translation>
    </message>
    <message>
        <source>Target average rate over every group (the budget); the solvers use it</source>
        <translation>所有组的目标平均码率（即预算）；求解器据此分配</translation>
    </message>
    <message>
        <source>Average rate for the key groups (with K/V budgets)</source>
        <translation>键组的平均码率（K/V 分别预算时）</translation>
    </message>
    <message>
        <source>Average rate for the value groups (with K/V budgets)</source>
        <translation>值组的平均码率（K/V 分别预算时）</translation>
    </message>
    <message>
        <source>No allocation yet: set the target and press Optimal, RateQuant or Uniform.</source>
        <translation>尚无分配：设置目标后点击“最优”、“RateQuant”或“均匀”。</translation>
    </message>
    <message>
        <source>Double-click or F2 on Setting to edit; with several rows selected, the edit applies to all</source>
        <translation>双击“设置”列或按 F2 进行编辑；选中多行时，修改将应用于所有选中行</translation>
    </message>
</context>
<context>
    <name>vq::ui::Autosave</name>
    <message>
        <source>Could not autosave to %1: %2</source>
        <translation>无法自动保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>vq::ui::ChartView</name>
    <message>
        <source>could not encode the image</source>
        <translation>无法编码图像</translation>
    </message>
    <message>
        <source>VeloxQuant Studio chart</source>
        <translation>VeloxQuant Studio 图表</translation>
    </message>
    <message>
        <source>Exported from VeloxQuant Studio</source>
        <translation>由 VeloxQuant Studio 导出</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>vq::ui::CompareChart</name>
    <message>
        <source>bits per value (stored)</source>
        <translation>每值位数（存储）</translation>
    </message>
    <message>
        <source>Attention output error vs storage</source>
        <translation>注意力输出误差与存储量</translation>
    </message>
    <message>
        <source>Key relative MSE vs storage</source>
        <translation>键的相对 MSE 与存储量</translation>
    </message>
    <message>
        <source>Value relative MSE vs storage</source>
        <translation>值的相对 MSE 与存储量</translation>
    </message>
    <message>
        <source>output error (log)</source>
        <translation>输出误差（对数）</translation>
    </message>
    <message>
        <source>relative MSE (log)</source>
        <translation>相对 MSE（对数）</translation>
    </message>
    <message>
        <source>limit 4^−b</source>
        <translation>极限 4^−b</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1%2&lt;/b&gt;&lt;br&gt;%3 bpv (%4× fp16)&lt;br&gt;output error %5&lt;br&gt;K rel. MSE %6, V rel. MSE %7</source>
        <translation>&lt;b&gt;%1%2&lt;/b&gt;&lt;br&gt;%3 bpv（%4× fp16）&lt;br&gt;输出误差 %5&lt;br&gt;K 相对 MSE %6，V 相对 MSE %7</translation>
    </message>
</context>
<context>
    <name>vq::ui::CompareModel</name>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <source>bpv</source>
        <translation>bpv</translation>
    </message>
    <message>
        <source>× fp16</source>
        <translation>× fp16</translation>
    </message>
    <message>
        <source>K rel. MSE</source>
        <translation>K 相对 MSE</translation>
    </message>
    <message>
        <source>V rel. MSE</source>
        <translation>V 相对 MSE</translation>
    </message>
    <message>
        <source>K cosine</source>
        <translation>K 余弦</translation>
    </message>
    <message>
        <source>V cosine</source>
        <translation>V 余弦</translation>
    </message>
    <message>
        <source>Output error</source>
        <translation>输出误差</translation>
    </message>
    <message>
        <source>K-only</source>
        <translation>仅 K</translation>
    </message>
    <message>
        <source>V-only</source>
        <translation>仅 V</translation>
    </message>
    <message>
        <source>K wasted bits</source>
        <translation>K 浪费位数</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Exact stored bits per value of keys and values (norms, scales, padding counted)</source>
        <translation>键和值每值实际存储位数（含范数、缩放因子和填充）</translation>
    </message>
    <message>
        <source>Attention output error ‖o−ô‖²/‖o‖² of real queries with K̂ and V̂</source>
        <translation>真实查询在 K̂ 和 V̂ 下的注意力输出误差 ‖o−ô‖²/‖o‖²</translation>
    </message>
    <message>
        <source>½·log₂(D / 4^−b): bits spent above the Shannon limit of a Gaussian source</source>
        <translation>½·log₂(D / 4^−b)：超出高斯信源香农极限的位数</translation>
    </message>
</context>
<context>
    <name>vq::ui::CompareView</name>
    <message>
        <source>Bit-widths for methods that have one; fixed formats run once</source>
        <translation>适用于有位宽的方法；固定格式只运行一次</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Attention output error</source>
        <translation>注意力输出误差</translation>
    </message>
    <message>
        <source>Key relative MSE</source>
        <translation>键的相对 MSE</translation>
    </message>
    <message>
        <source>Value relative MSE</source>
        <translation>值的相对 MSE</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message numerus="yes">
        <source>%n configuration(s) measured</source>
        <translation>
            <numerusform>已测量 %n 个配置</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped (see the Note column)</source>
        <translation>
            <numerusform>；跳过 %n 个（见“备注”列）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the table shows the methods finished before.</source>
        <translation>已取消：表中显示此前已完成的方法。</translation>
    </message>
    <message>
        <source>Pick methods and bit-widths, then Run.</source>
        <translation>选择方法和位宽，然后点击“运行”。</translation>
    </message>
    <message>
        <source>Nothing to run: pick at least one method (and bit-widths it offers).</source>
        <translation>无可运行内容：请至少选择一种方法（及其支持的位宽）。</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n configuration(s)…</source>
        <translation>
            <numerusform>正在比较 %n 个配置…</numerusform>
        </translation>
    </message>
    <message>
        <source>Methods to compare: tick them, then Run</source>
        <translation>要比较的方法：勾选后点击“运行”</translation>
    </message>
    <message>
        <source>Query positions sampled per head for the attention metrics (0: all)</source>
        <translation>注意力指标中每个头采样的查询位置数（0：全部）</translation>
    </message>
    <message>
        <source>The error on the chart&apos;s vertical axis</source>
        <translation>图表纵轴上显示的误差</translation>
    </message>
    <message>
        <source>Measure every ticked method at each bit-width on the whole dump</source>
        <translation>在整个转储上以每种位宽测量每个已勾选的方法</translation>
    </message>
    <message>
        <source>Open a dump first (File → Open, or drop it on the window), then pick methods and Run.</source>
        <translation>请先打开转储（文件 → 打开，或将其拖放到窗口上），然后选择方法并点击“运行”。</translation>
    </message>
</context>
<context>
    <name>vq::ui::Compute</name>
    <message>
        <source>%1 — GPU not used: %2</source>
        <translation>%1 — 未使用 GPU：%2</translation>
    </message>
</context>
<context>
    <name>vq::ui::DatasetPanel</name>
    <message>
        <source>&lt;h3&gt;No dump open&lt;/h3&gt;&lt;p&gt;Drop a KV dump (.npz, .safetensors or a folder of .npy files) here, or use File → Open (Ctrl+O).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;未打开转储&lt;/h3&gt;&lt;p&gt;将 KV 转储（.npz、.safetensors 或包含 .npy 文件的文件夹）拖放到此处，或使用“文件 → 打开”（Ctrl+O）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(not named in the metadata)</source>
        <translation>（元数据中未命名）</translation>
    </message>
    <message>
        <source>SYNTHETIC</source>
        <translation>合成数据</translation>
    </message>
    <message>
        <source> (maximum; layers differ)</source>
        <translation>（最大值；各层不同）</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Model&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;File&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%2 (%3, %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Layers&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Heads&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6 query / %7 key-value&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Head dim&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tokens&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Type&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;KV memory&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%11 (all tensors %12)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;模型&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;文件&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%2（%3，%4）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;层数&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;头数&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6 个查询头 / %7 个键值头&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;头维度&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;词元数&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;类型&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;KV 内存&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%11（全部张量 %12）&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>This dump has no queries: key metrics fall back to reconstruction error.</source>
        <translation>此转储不含查询：键的指标退回为重建误差。</translation>
    </message>
    <message>
        <source>Tensors use different element types.</source>
        <translation>各张量的元素类型不同。</translation>
    </message>
    <message numerus="yes">
        <source>Non-finite values: %1 NaN and %2 Inf in %n tensor(s) (%3). Metrics skip them; quantizers may not.</source>
        <translation>
            <numerusform>非有限值：%n 个张量中有 %1 个 NaN 和 %2 个 Inf（%3）。指标计算会跳过它们，量化器则未必。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking values of %1</source>
        <translation>正在检查 %1 的数值</translation>
    </message>
</context>
<context>
    <name>vq::ui::DumpTreeModel</name>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>%1 query heads, %2 KV heads; memory is K+V as stored</source>
        <translation>%1 个查询头，%2 个 KV 头；内存为实际存储的 K+V</translation>
    </message>
    <message>
        <source>%1, stored as %2</source>
        <translation>%1，存储为 %2</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>Layer / tensor / head</source>
        <translation>层 / 张量 / 头</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元数</translation>
    </message>
    <message>
        <source>Head dim</source>
        <translation>头维度</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
</context>
<context>
    <name>vq::ui::ErrorHint</name>
    <message>
        <source>Check that the file or folder exists and that you may read (or write) it, and that the disk is not full.</source>
        <translation>请检查文件或文件夹是否存在、您是否有读取（或写入）权限，以及磁盘是否已满。</translation>
    </message>
    <message>
        <source>Check the path, or open the file with File ▸ Open.</source>
        <translation>请检查路径，或通过“文件 ▸ 打开”打开该文件。</translation>
    </message>
    <message>
        <source>Open a .npz, .safetensors or a folder of .npy files (tools/dump_kv.py writes them).</source>
        <translation>请打开 .npz、.safetensors 文件或包含 .npy 文件的文件夹（可由 tools/dump_kv.py 生成）。</translation>
    </message>
    <message>
        <source>The file is damaged or was not copied completely: copy or export it again.</source>
        <translation>文件已损坏或未完整复制：请重新复制或导出。</translation>
    </message>
    <message>
        <source>Write the dump again with the exporter that made it, or fix the named entry.</source>
        <translation>请用生成该转储的导出工具重新写出，或修正所指出的条目。</translation>
    </message>
    <message>
        <source>Save the tensors as float32, float16 or bfloat16.</source>
        <translation>请将张量保存为 float32、float16 或 bfloat16。</translation>
    </message>
    <message>
        <source>Save the array with numpy.ascontiguousarray first.</source>
        <translation>保存前请先用 numpy.ascontiguousarray 转换该数组。</translation>
    </message>
    <message>
        <source>A dump needs k and v tensors for every layer, with matching shapes (q is optional).</source>
        <translation>转储的每一层都需要形状匹配的 k 和 v 张量（q 可选）。</translation>
    </message>
    <message>
        <source>Add &quot;layout&quot;: &quot;HTD&quot; or &quot;THD&quot; to the dump&apos;s JSON sidecar.</source>
        <translation>请在转储的 JSON 附属文件中添加 &quot;layout&quot;: &quot;HTD&quot; 或 &quot;THD&quot;。</translation>
    </message>
    <message>
        <source>Re-save the .npz with numpy.savez or numpy.savez_compressed.</source>
        <translation>请用 numpy.savez 或 numpy.savez_compressed 重新保存该 .npz 文件。</translation>
    </message>
    <message>
        <source>Change the named setting to a value in its range and try again.</source>
        <translation>请将所指的设置改为其范围内的值，然后重试。</translation>
    </message>
    <message>
        <source>Choose another method, or run on the CPU backend.</source>
        <translation>请选择其他方法，或改用 CPU 后端运行。</translation>
    </message>
    <message>
        <source>Raise the target, protect fewer layers, or add cheaper settings to the menu.</source>
        <translation>请提高目标、减少受保护的层，或在菜单中加入更节省空间的设置。</translation>
    </message>
    <message>
        <source>Please report it with the file and the steps that led here.</source>
        <translation>请附上该文件和导致此问题的操作步骤进行报告。</translation>
    </message>
</context>
<context>
    <name>vq::ui::ErrorText</name>
    <message>
        <source>%1 could not be read or written.</source>
        <translation>无法读取或写入 %1。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a dump this program reads (.npz, .safetensors or a folder of .npy).</source>
        <translation>%1 不是本程序可读取的转储（.npz、.safetensors 或 .npy 文件夹）。</translation>
    </message>
    <message>
        <source>%1 does not start like a file of its type (wrong magic bytes).</source>
        <translation>%1 的开头与其文件类型不符（魔数错误）。</translation>
    </message>
    <message>
        <source>%1 is truncated: it ends before the data its header announces.</source>
        <translation>%1 已被截断：文件在其头部声明的数据之前就结束了。</translation>
    </message>
    <message>
        <source>%1 has a malformed header.</source>
        <translation>%1 的头部格式错误。</translation>
    </message>
    <message>
        <source>%1 contains invalid JSON.</source>
        <translation>%1 包含无效的 JSON。</translation>
    </message>
    <message>
        <source>%1 uses an element type other than f32, f16 or bf16.</source>
        <translation>%1 使用了 f32、f16、bf16 以外的元素类型。</translation>
    </message>
    <message>
        <source>%1 stores an array in Fortran order; save it in C order.</source>
        <translation>%1 以 Fortran 顺序存储数组；请改用 C 顺序保存。</translation>
    </message>
    <message>
        <source>%1 declares an invalid tensor shape.</source>
        <translation>%1 声明了无效的张量形状。</translation>
    </message>
    <message>
        <source>%1 points to data outside the file.</source>
        <translation>%1 指向文件之外的数据。</translation>
    </message>
    <message>
        <source>%1 contains the same tensor twice.</source>
        <translation>%1 包含重复的张量。</translation>
    </message>
    <message>
        <source>%1 lacks a tensor the dump needs.</source>
        <translation>%1 缺少转储所需的张量。</translation>
    </message>
    <message>
        <source>%1 has tensors whose shapes disagree.</source>
        <translation>%1 中张量的形状互不一致。</translation>
    </message>
    <message>
        <source>%1 has an ambiguous tensor layout; declare &quot;layout&quot; in its JSON sidecar.</source>
        <translation>%1 的张量布局有歧义；请在其 JSON 附属文件中声明 &quot;layout&quot;。</translation>
    </message>
    <message>
        <source>%1 contains no key/value tensors.</source>
        <translation>%1 不含键/值张量。</translation>
    </message>
    <message>
        <source>%1 uses a compression method other than stored or deflate.</source>
        <translation>%1 使用了 stored 和 deflate 以外的压缩方法。</translation>
    </message>
    <message>
        <source>%1 is corrupt.</source>
        <translation>%1 已损坏。</translation>
    </message>
    <message>
        <source>%1 was given an invalid setting.</source>
        <translation>%1 收到了无效的设置。</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
    <message>
        <source>%1 asks for something this build cannot do.</source>
        <translation>%1 请求了本构建无法完成的操作。</translation>
    </message>
    <message>
        <source>%1 asks for an allocation that no setting satisfies.</source>
        <translation>%1 请求的分配没有任何设置能满足。</translation>
    </message>
    <message>
        <source>%1 hit an internal error (please report it).</source>
        <translation>%1 遇到内部错误（请报告此问题）。</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 失败。</translation>
    </message>
    <message>
        <source>The operation</source>
        <translation>该操作</translation>
    </message>
    <message>
        <source>The operation (tensor %1)</source>
        <translation>该操作（张量 %1）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>“%1” (tensor %2)</source>
        <translation>“%1”（张量 %2）</translation>
    </message>
</context>
<context>
    <name>vq::ui::GroupBarChart</name>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>K+V</source>
        <translation>K+V</translation>
    </message>
</context>
<context>
    <name>vq::ui::GuideDialog</name>
    <message>
        <source>&lt;h2&gt;VeloxQuant Studio in five steps&lt;/h2&gt;&lt;p&gt;VeloxQuant Studio measures how KV-cache quantization methods behave on real attention activations and chooses how many bits each layer and head gets.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open&lt;/b&gt; a KV dump: &lt;i&gt;File ▸ Open Dump&lt;/i&gt; (Ctrl+O), a recent file, or drop a .npz, .safetensors or folder of .npy on the window. The app starts on a bundled real sample (TinyStories). The Dataset panel lists layers, heads, tokens, dtypes and memory.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Calibrate&lt;/b&gt; in the &lt;i&gt;Sensitivity&lt;/i&gt; view: pick a probe, a method and the bit-widths, then &lt;i&gt;Run&lt;/i&gt; (F5). Each group (layer × head, keys and values) gets an error for every bit-width: tall bars are sensitive groups that need more bits.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Allocate&lt;/b&gt; in the &lt;i&gt;Allocation&lt;/i&gt; view: set the target average bits and run &lt;i&gt;optimal&lt;/i&gt;, &lt;i&gt;ratequant&lt;/i&gt; or &lt;i&gt;uniform&lt;/i&gt;. Click or drag a bar to change one group by hand; every edit can be undone (Ctrl+Z).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Verify&lt;/b&gt;: &lt;i&gt;Verify&lt;/i&gt; quantizes the dump with the allocation and measures the real errors; the &lt;i&gt;Quality&lt;/i&gt; view compares them with a uniform allocation of the same size, the &lt;i&gt;Memory&lt;/i&gt; view shows the bytes against fp16 and &lt;i&gt;Compare&lt;/i&gt; measures methods side by side.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt;: &lt;i&gt;File ▸ Export&lt;/i&gt; writes the allocation for llama.cpp, vLLM, Hugging Face, MLX or VeloxQuant, and &lt;i&gt;File ▸ Save Session&lt;/i&gt; keeps the calibration and the allocation (*.vqalloc.json).&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;The Learn view&lt;/h3&gt;&lt;p&gt;Pick a layer, a KV head, keys or values, a token and a method: the view follows that one vector through the method — the random rotation, the histogram of rotated coordinates against the density the codebook was designed for (centroids and decision boundaries drawn), the reconstruction and its error, the attention of the token&apos;s query with the original and quantized keys or values, the rate–distortion curve against the Shannon limit 4^−b, and what norm correction, the QJL residual, the second RVQ stage, sink tokens and outlier channels change. Move the bits from 4 to 2 with K selected and watch the attention weights drift: a score error is exponentiated by the softmax, which is why keys need more bits than values.&lt;/p&gt;&lt;h3&gt;Tips&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Every long computation runs in the background; Esc cancels it.&lt;/li&gt;&lt;li&gt;Charts: drag to zoom, double-click to reset, right-click to save PNG/SVG or copy.&lt;/li&gt;&lt;li&gt;Tables: Ctrl+C copies the selected cells; &lt;i&gt;File ▸ Export&lt;/i&gt; writes a view&apos;s table as CSV.&lt;/li&gt;&lt;li&gt;Ctrl+1 shows the Dataset panel, Ctrl+2… the views in tab order.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h2&gt;五步上手 VeloxQuant Studio&lt;/h2&gt;&lt;p&gt;VeloxQuant Studio 在真实的注意力激活值上测量各种 KV 缓存量化方法的表现，并决定每一层、每个头分配多少位。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;打开&lt;/b&gt; KV 转储：通过&lt;i&gt;文件 ▸ 打开转储&lt;/i&gt; (Ctrl+O)、最近打开的文件，或将 .npz、.safetensors 文件或 .npy 文件夹拖放到窗口上。程序启动时会打开一个内置的真实示例（TinyStories）。数据集面板列出层、头、词元、数据类型和内存。&lt;/li&gt;&lt;li&gt;在&lt;i&gt;敏感度&lt;/i&gt;视图中&lt;b&gt;校准&lt;/b&gt;：选择探针、方法和位宽，然后点击&lt;i&gt;运行&lt;/i&gt; (F5)。每个组（层 × 头，键和值）在每种位宽下都会得到一个误差：高的柱条表示敏感的组，需要更多位数。&lt;/li&gt;&lt;li&gt;在&lt;i&gt;分配&lt;/i&gt;视图中&lt;b&gt;分配&lt;/b&gt;：设置目标平均位数，然后运行&lt;i&gt;最优&lt;/i&gt;、&lt;i&gt;RateQuant&lt;/i&gt; 或&lt;i&gt;均匀&lt;/i&gt;。点击或拖动柱条可手动修改单个组；每次编辑都可以撤销 (Ctrl+Z)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;验证&lt;/b&gt;：&lt;i&gt;验证&lt;/i&gt;按分配量化转储并测量真实误差；&lt;i&gt;质量&lt;/i&gt;视图将其与相同大小的均匀分配进行比较，&lt;i&gt;内存&lt;/i&gt;视图显示相对 fp16 的字节数，&lt;i&gt;比较&lt;/i&gt;视图则并排测量各种方法。&lt;/li&gt;&lt;li&gt;&lt;b&gt;导出&lt;/b&gt;：&lt;i&gt;文件 ▸ 导出&lt;/i&gt;将分配写成 llama.cpp、vLLM、Hugging Face、MLX 或 VeloxQuant 的格式，&lt;i&gt;文件 ▸ 保存会话&lt;/i&gt;则保存校准和分配结果 (*.vqalloc.json)。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;学习视图&lt;/h3&gt;&lt;p&gt;选择一层、一个 KV 头、键或值、一个词元和一种方法：该视图会跟踪这一个向量经过该方法的全过程——随机旋转；旋转后坐标的直方图与码本设计所依据的密度对比（绘出质心和判决边界）；重建结果及其误差；该词元的查询分别与原始和量化后的键或值计算出的注意力；与香农极限 4^−b 对比的率失真曲线；以及范数校正、QJL 残差、第二级 RVQ、汇聚词元和离群通道各自带来的变化。选中 K 后把位数从 4 调到 2，观察注意力权重如何偏移：得分误差会被 softmax 指数放大，这就是键比值需要更多位数的原因。&lt;/p&gt;&lt;h3&gt;提示&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;所有耗时的计算都在后台运行；按 Esc 可取消。&lt;/li&gt;&lt;li&gt;图表：拖动可缩放，双击可复位，右键可保存为 PNG/SVG 或复制。&lt;/li&gt;&lt;li&gt;表格：Ctrl+C 复制所选单元格；&lt;i&gt;文件 ▸ 导出&lt;/i&gt;可将视图中的表格写为 CSV。&lt;/li&gt;&lt;li&gt;Ctrl+1 显示数据集面板，Ctrl+2… 按标签页顺序显示各视图。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>VeloxQuant Studio Guide</source>
        <translation>VeloxQuant Studio 指南</translation>
    </message>
    <message>
        <source>How to go from a KV dump to an exported bit allocation</source>
        <translation>从 KV 转储到导出的位数分配</translation>
    </message>
    <message>
        <source>VeloxQuant Studio &amp;Guide</source>
        <translation>VeloxQuant Studio 指南(&amp;G)</translation>
    </message>
    <message>
        <source>The workflow from a KV dump to an exported allocation, and the Learn view</source>
        <translation>从 KV 转储到导出分配的工作流程，以及学习视图</translation>
    </message>
</context>
<context>
    <name>vq::ui::JobLogModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>vq::ui::JobPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running job (Esc)</source>
        <translation>停止正在运行的任务 (Esc)</translation>
    </message>
    <message>
        <source>%1 finished in %2 s</source>
        <translation>%1 已完成，用时 %2 秒</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 已取消</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1… %2 s</source>
        <translation>%1… %2 秒</translation>
    </message>
</context>
<context>
    <name>vq::ui::Jobs</name>
    <message>
        <source>Allocation (%1)</source>
        <translation>分配（%1）</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
</context>
<context>
    <name>vq::ui::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the selected running job (or every running job when none is selected)</source>
        <translation>停止所选的正在运行的任务（未选择时停止所有正在运行的任务）</translation>
    </message>
    <message>
        <source>C&amp;lear Finished</source>
        <translation>清除已完成(&amp;L)</translation>
    </message>
    <message>
        <source>Remove the runs that have finished from the log; running jobs stay.</source>
        <translation>从日志中移除已结束的运行；正在运行的任务保留。</translation>
    </message>
</context>
<context>
    <name>vq::ui::LearnView</name>
    <message>
        <source>Unit vector before/after the rotation</source>
        <translation>旋转前后的单位向量</translation>
    </message>
    <message>
        <source>Unit vector (this method does not rotate; Π shown for comparison)</source>
        <translation>单位向量（该方法不做旋转；Π 仅作对比）</translation>
    </message>
    <message>
        <source>coordinate</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>before</source>
        <translation>旋转前</translation>
    </message>
    <message>
        <source>after rotation</source>
        <translation>旋转后</translation>
    </message>
    <message>
        <source>±1/√d</source>
        <translation>±1/√d</translation>
    </message>
    <message>
        <source>Rotated coordinates vs the %1-bit codebook</source>
        <translation>旋转后的坐标与 %1 位码本</translation>
    </message>
    <message>
        <source>Rotated coordinates (this method has no scalar codebook here)</source>
        <translation>旋转后的坐标（该方法在此没有标量码本）</translation>
    </message>
    <message>
        <source>unrotated</source>
        <translation>未旋转</translation>
    </message>
    <message>
        <source>rotated</source>
        <translation>已旋转</translation>
    </message>
    <message>
        <source>N(0, 1/d) pdf</source>
        <translation>N(0, 1/d) 概率密度</translation>
    </message>
    <message>
        <source>Beta pdf</source>
        <translation>Beta 概率密度</translation>
    </message>
    <message>
        <source>rotated unit coordinate</source>
        <translation>旋转后的单位坐标</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>boundaries</source>
        <translation>判决边界</translation>
    </message>
    <message>
        <source>centroids</source>
        <translation>质心</translation>
    </message>
    <message>
        <source>this token</source>
        <translation>本词元</translation>
    </message>
    <message>
        <source>Original vs decoded, per coordinate</source>
        <translation>原始值与解码值（逐坐标）</translation>
    </message>
    <message>
        <source>original x</source>
        <translation>原始 x</translation>
    </message>
    <message>
        <source>decoded x̂</source>
        <translation>解码 x̂</translation>
    </message>
    <message>
        <source>error x̂ − x</source>
        <translation>误差 x̂ − x</translation>
    </message>
    <message>
        <source>No queries in this layer: attention cannot be shown</source>
        <translation>该层没有查询：无法显示注意力</translation>
    </message>
    <message>
        <source>Weights of query head %1, %2 quantized</source>
        <translation>查询头 %1 的注意力权重（%2已量化）</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>键</translation>
    </message>
    <message>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>key position</source>
        <translation>键位置</translation>
    </message>
    <message>
        <source>weight p_j</source>
        <translation>权重 p_j</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>quantized K</source>
        <translation>量化后的 K</translation>
    </message>
    <message>
        <source>quantized V</source>
        <translation>量化后的 V</translation>
    </message>
    <message>
        <source>Rate–distortion of %1 on this head</source>
        <translation>%1 在该头上的率失真</translation>
    </message>
    <message>
        <source>bits per value (stored)</source>
        <translation>每值位数（存储）</translation>
    </message>
    <message>
        <source>relative MSE (log)</source>
        <translation>相对 MSE（对数）</translation>
    </message>
    <message>
        <source>4^−b limit</source>
        <translation>极限 4^−b</translation>
    </message>
    <message>
        <source>Lloyd–Max</source>
        <translation>Lloyd–Max</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>%1 bits per value, relative MSE %2</source>
        <translation>每值 %1 位，相对 MSE %2</translation>
    </message>
    <message>
        <source>Learn: quantizing one head</source>
        <translation>学习：量化单个头</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 1 – rotate.&lt;/b&gt; The norm ‖x‖ is stored apart (fp16) and the unit vector x/‖x‖ is multiplied by a random rotation Π. A rotation keeps lengths and inner products, but it spreads the energy of a few large channels over all coordinates: after it every coordinate looks alike, so one fixed codebook fits all of them. Methods without a rotation quantize x as it is.</source>
        <translation>&lt;b&gt;第 1 步——旋转。&lt;/b&gt;范数 ‖x‖ 单独存储（fp16），单位向量 x/‖x‖ 则乘以一个随机旋转 Π。旋转保持长度和内积不变，但会把少数几个大通道的能量分散到所有坐标上：旋转之后每个坐标的分布都差不多，因此一个固定的码本就能适用于全部坐标。不做旋转的方法直接对原始的 x 进行量化。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 2 – one codebook for every coordinate.&lt;/b&gt; Bars: all rotated coordinates of this head (every token). Curve: the density the codebook was designed for, one coordinate of a random unit vector in d dimensions (the exact Beta law, ≈ N(0, 1/d) for large d). Solid marks: the 2^b centroids; dashed: the decision boundaries. Each coordinate is replaced by the centroid of its cell. The thin outline is the same data without rotation: less regular, so a fixed codebook would fit it worse.</source>
        <translation>&lt;b&gt;第 2 步——所有坐标共用一个码本。&lt;/b&gt;柱条：该头所有旋转后的坐标（全部词元）。曲线：码本设计所依据的密度，即 d 维随机单位向量中一个坐标的分布（精确为 Beta 分布，d 较大时 ≈ N(0, 1/d)）。实线标记：2^b 个质心；虚线：判决边界。每个坐标都被替换为其所在区间的质心。细轮廓线是未经旋转的同一批数据：它不够规则，固定码本对它的拟合会更差。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 3 – decode.&lt;/b&gt; The centroids are rotated back and multiplied by the stored norm. The chart shows the original coordinates, the decoded ones and their difference. A cosine similarity near 1 means the direction survived; the relative error is ‖x−x̂‖²/‖x‖². Bytes count everything stored for one vector (indices, norms, protection), against 2·d bytes in fp16.</source>
        <translation>&lt;b&gt;第 3 步——解码。&lt;/b&gt;质心被旋转回原来的坐标系，再乘以存储的范数。图表显示原始坐标、解码后的坐标以及二者之差。余弦相似度接近 1 表示方向得以保留；相对误差为 ‖x−x̂‖²/‖x‖²。字节数统计了一个向量存储的全部内容（索引、范数、保护部分），可与 fp16 下的 2·d 字节对比。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why keys are fragile.&lt;/b&gt; This token&apos;s query scores every earlier key, ℓ_j = ⟨q,k_j⟩/√d, and the weights are p = softmax(ℓ). An error Δ in one score multiplies that key&apos;s weight by e^Δ: key errors are exponentiated. Every bit less roughly doubles the score error, so at 2 bits the weights (orange) drift far from the original ones (blue) and attention reads the wrong tokens; at 4 bits they almost coincide. Compare the output error with V selected.</source>
        <translation>&lt;b&gt;为什么键很脆弱。&lt;/b&gt;该词元的查询会给之前的每个键打分，ℓ_j = ⟨q,k_j⟩/√d，权重为 p = softmax(ℓ)。某个得分上的误差 Δ 会使该键的权重乘以 e^Δ：键的误差被指数放大。每少一位，得分误差大约翻倍，因此在 2 位时权重（橙色）会远离原始权重（蓝色），注意力会读到错误的词元；在 4 位时两者几乎重合。可选中 V 对比输出误差。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why values are tolerant.&lt;/b&gt; Quantized values leave the scores and weights unchanged (the two curves coincide); the output o = Σ p_j v_j only moves linearly with the value errors, and averaging over many tokens shrinks them further. That is why values can take fewer bits than keys for the same output error. Compare with K selected.</source>
        <translation>&lt;b&gt;为什么值更能容忍误差。&lt;/b&gt;量化值不会改变得分和权重（两条曲线重合）；输出 o = Σ p_j v_j 只随值的误差线性变化，而对大量词元加权平均又会进一步缩小误差。因此在输出误差相同时，值可以比键使用更少的位数。可选中 K 进行对比。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rate and distortion.&lt;/b&gt; Each point is this method on this head, measured: relative MSE against the stored bits per value (norms included). Dotted: the Shannon limit 4^−b of a Gaussian source, which no quantizer beats. Dashed: the Lloyd–Max scalar quantizer, the best one coordinate at a time. One more bit divides the error by about 4. The ringed point is the current setting.</source>
        <translation>&lt;b&gt;码率与失真。&lt;/b&gt;每个点都是该方法在该头上的实测结果：相对 MSE 与每值存储位数（含范数）的关系。点线：高斯信源的香农极限 4^−b，任何量化器都无法超越。虚线：Lloyd–Max 标量量化器，即逐个坐标量化时的最优方案。每多一位，误差约降为原来的 1/4。带圈的点是当前设置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;What each option changes.&lt;/b&gt; Each option is measured off and on with everything else as selected. Norm correction stores ‖x‖/‖x̂‖ so decoded vectors keep their length; the QJL residual (turboquant_prod) adds 1 bit of signs that makes inner products unbiased; the second RVQ stage quantizes the residual again; sink tokens keep the first tokens in fp16; outlier channels keep the largest channels apart as int8. Bytes show what each costs.</source>
        <translation>&lt;b&gt;各选项的作用。&lt;/b&gt;每个选项都在关闭和开启两种状态下测量，其余设置保持当前选择。范数校正存储 ‖x‖/‖x̂‖，使解码后的向量保持原有长度；QJL 残差（turboquant_prod）增加 1 位符号，使内积估计无偏；第二级 RVQ 对残差再量化一次；汇聚词元把最前面的若干词元保留为 fp16；离群通道把最大的几个通道单独以 int8 存储。字节数显示每个选项的开销。</translation>
    </message>
    <message>
        <source>This dump has no queries for this layer, so attention cannot be shown. Open a dump that includes q tensors (e.g. the bundled sample) to see the effect on attention.</source>
        <translation>该转储在这一层没有查询，因此无法显示注意力。请打开包含 q 张量的转储（例如内置示例）以查看对注意力的影响。</translation>
    </message>
    <message>
        <source>Norm correction</source>
        <translation>范数校正</translation>
    </message>
    <message>
        <source>QJL residual</source>
        <translation>QJL 残差</translation>
    </message>
    <message>
        <source>Second RVQ stage</source>
        <translation>第二级 RVQ</translation>
    </message>
    <message>
        <source>%1 sink tokens</source>
        <translation>%1 个汇聚词元</translation>
    </message>
    <message>
        <source>%1 outlier channels</source>
        <translation>%1 个离群通道</translation>
    </message>
    <message>
        <source>Layer of the dump whose keys or values are shown</source>
        <translation>要显示其键或值的转储层</translation>
    </message>
    <message>
        <source>KV head of the layer (its query heads are used for the attention panel)</source>
        <translation>该层的 KV 头（其查询头用于注意力面板）</translation>
    </message>
    <message>
        <source>K (keys)</source>
        <translation>K（键）</translation>
    </message>
    <message>
        <source>V (values)</source>
        <translation>V（值）</translation>
    </message>
    <message>
        <source>Quantize the keys or the values of this head; the attention panel shows why keys are more fragile</source>
        <translation>量化该头的键或值；注意力面板会说明为什么键更脆弱</translation>
    </message>
    <message>
        <source>Token (position) whose vector is followed step by step; its query is used for the attention panel</source>
        <translation>逐步跟踪其向量的词元（位置）；其查询用于注意力面板</translation>
    </message>
    <message>
        <source>Quantization method (turboquant_mse, turboquant_prod and turboquant_rvq show every step)</source>
        <translation>量化方法（turboquant_mse、turboquant_prod 和 turboquant_rvq 会展示每个步骤）</translation>
    </message>
    <message>
        <source>Bits per coordinate of the method&apos;s codebook (fixed formats have none)</source>
        <translation>该方法码本中每个坐标的位数（固定格式没有此项）</translation>
    </message>
    <message>
        <source>turboquant_mse: store ‖x‖/‖x̂_unit‖ instead of ‖x‖, so decoded vectors keep their length</source>
        <translation>turboquant_mse：存储 ‖x‖/‖x̂_unit‖ 而非 ‖x‖，使解码后的向量保持原有长度</translation>
    </message>
    <message>
        <source>turboquant_prod: the 1-bit QJL sketch of the residual (off: its (b−1)-bit first stage alone)</source>
        <translation>turboquant_prod：残差的 1 位 QJL 草图（关闭时：仅使用其 (b−1) 位的第一级）</translation>
    </message>
    <message>
        <source>2nd RVQ stage</source>
        <translation>第二级 RVQ</translation>
    </message>
    <message>
        <source>turboquant_rvq: quantize the first stage&apos;s residual again (off: stage 1 alone)</source>
        <translation>turboquant_rvq：对第一级的残差再次量化（关闭时：仅第一级）</translation>
    </message>
    <message>
        <source>Sink tokens</source>
        <translation>汇聚词元</translation>
    </message>
    <message>
        <source>Keep the first %1 tokens (attention sinks) in fp16</source>
        <translation>将前 %1 个词元（注意力汇聚点）保留为 fp16</translation>
    </message>
    <message>
        <source>Outlier channels</source>
        <translation>离群通道</translation>
    </message>
    <message>
        <source>Keep the %1 channels with the largest mean |x| apart as int8 with a per-token scale</source>
        <translation>将平均 |x| 最大的 %1 个通道单独以 int8 存储，每个词元使用一个缩放因子</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>层(&amp;L)</translation>
    </message>
    <message>
        <source>KV &amp;head</source>
        <translation>KV 头(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>词元(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方法(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Bits</source>
        <translation>位数(&amp;B)</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>Rel. err.</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>Head MSE</source>
        <translation>头 MSE</translation>
    </message>
    <message>
        <source>Out. err.</source>
        <translation>输出误差</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Each option measured off and on, everything else as selected</source>
        <translation>每个选项分别在关闭和开启时测量，其余保持当前选择</translation>
    </message>
    <message>
        <source>Cosine similarity and relative error ‖x−x̂‖²/‖x‖² of this vector, the head&apos;s mean relative MSE, and the bytes stored per vector</source>
        <translation>该向量的余弦相似度和相对误差 ‖x−x̂‖²/‖x‖²、该头的平均相对 MSE，以及每个向量存储的字节数</translation>
    </message>
    <message>
        <source>Score error relative to the spread of the scores, KL divergence of the weights and relative error of the attention output, over the query heads of this KV head</source>
        <translation>得分误差相对于得分离散程度的比例、权重的 KL 散度以及注意力输出的相对误差，统计范围为该 KV 头对应的各查询头</translation>
    </message>
    <message>
        <source>1 · Rotation</source>
        <translation>1 · 旋转</translation>
    </message>
    <message>
        <source>2 · Codebook</source>
        <translation>2 · 码本</translation>
    </message>
    <message>
        <source>3 · Reconstruction</source>
        <translation>3 · 重建</translation>
    </message>
    <message>
        <source>4 · Attention</source>
        <translation>4 · 注意力</translation>
    </message>
    <message>
        <source>5 · Rate–distortion</source>
        <translation>5 · 率失真</translation>
    </message>
    <message>
        <source>6 · Options</source>
        <translation>6 · 选项</translation>
    </message>
    <message>
        <source>Pick another method or bit-width, or another layer.</source>
        <translation>请选择其他方法、位宽或其他层。</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Open a dump (File → Open, or drop a file here) to follow one of its vectors through a method.</source>
        <translation>打开转储（文件 → 打开，或将文件拖放到此处），即可跟踪其中一个向量经过某种方法的全过程。</translation>
    </message>
    <message>
        <source>cosine &lt;b&gt;%1&lt;/b&gt; · relative error &lt;b&gt;%2&lt;/b&gt; · head rel. MSE %3&lt;br&gt;&lt;b&gt;%4&lt;/b&gt; bytes per vector (fp16: %5) · %6 bits per value%7</source>
        <translation>余弦 &lt;b&gt;%1&lt;/b&gt; · 相对误差 &lt;b&gt;%2&lt;/b&gt; · 头相对 MSE %3&lt;br&gt;每个向量 &lt;b&gt;%4&lt;/b&gt; 字节（fp16：%5）· 每值 %6 位%7</translation>
    </message>
    <message>
        <source> · this token is kept in fp16</source>
        <translation> · 该词元以 fp16 保留</translation>
    </message>
    <message>
        <source>score error &lt;b&gt;%1&lt;/b&gt; of the score spread · KL %2 nats · output error &lt;b&gt;%3&lt;/b&gt; · largest weight change ×%4</source>
        <translation>得分误差为得分离散度的 &lt;b&gt;%1&lt;/b&gt; · KL %2 奈特 · 输出误差 &lt;b&gt;%3&lt;/b&gt; · 最大权重变化 ×%4</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation>（当前选择）</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>Layer %1, KV head %2, %3, token %4 of %5 · ran %6 · head_dim %7</source>
        <translation>第 %1 层，KV 头 %2，%3，词元 %4/%5 · 运行 %6 · head_dim %7</translation>
    </message>
</context>
<context>
    <name>vq::ui::MainWindow</name>
    <message>
        <source>VeloxQuant allocations (*.vqalloc.json);;All files (*)</source>
        <translation>VeloxQuant 分配文件 (*.vqalloc.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Sess&amp;ion…</source>
        <translation>打开会话(&amp;N)…</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Open a saved calibration and allocation (*.vqalloc.json) with its dump</source>
        <translation>打开已保存的校准和分配 (*.vqalloc.json) 及其转储</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the calibration and allocation as a *.vqalloc.json file</source>
        <translation>将校准和分配保存为 *.vqalloc.json 文件</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>%1 files (*.%1);;All files (*)</source>
        <translation>%1 文件 (*.%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not export to %1:
%2</source>
        <translation>无法导出到 %1：
%2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Exported with approximations</source>
        <translation>已导出（含近似）</translation>
    </message>
    <message>
        <source>%1 cannot express the allocation exactly:</source>
        <translation>%1 无法精确表达该分配：</translation>
    </message>
    <message>
        <source>Table as &amp;CSV…</source>
        <translation>表格导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <source>Save the current view&apos;s table as CSV</source>
        <translation>将当前视图的表格保存为 CSV</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>%1 images (*.%2)</source>
        <translation>%1 图像 (*.%2)</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation>图表导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Chart as &amp;SVG…</source>
        <translation>图表导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Session opened</source>
        <translation>会话已打开</translation>
    </message>
    <message>
        <source>The session was made on a dump that differs in some respects:</source>
        <translation>该会话所基于的转储在以下方面有所不同：</translation>
    </message>
    <message>
        <source>Could not open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <source>Calibrate the dump first: a session holds a calibration and its allocation.</source>
        <translation>请先校准转储：会话保存的是校准及其分配。</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Could not save %1:
%2</source>
        <translation>无法保存 %1：
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Dump…</source>
        <translation>打开转储(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a KV dump (.npz, .safetensors, .npy)</source>
        <translation>打开 KV 转储（.npz、.safetensors、.npy）</translation>
    </message>
    <message>
        <source>Open &amp;Folder of .npy…</source>
        <translation>打开 .npy 文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a folder holding one .npy file per tensor</source>
        <translation>打开每个张量对应一个 .npy 文件的文件夹</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Copy &amp;Chart</source>
        <translation>复制图表(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the current view&apos;s chart to the clipboard as an image</source>
        <translation>将当前视图的图表作为图像复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the running job</source>
        <translation>停止正在运行的任务</translation>
    </message>
    <message>
        <source>Allocate &amp;Optimal</source>
        <translation>最优分配(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Verify Allocation</source>
        <translation>验证分配(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>Show the Dataset panel</source>
        <translation>显示数据集面板</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>&lt;start&gt;</source>
        <translation>&lt;开始&gt;</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（不存在）</translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation>清除最近记录</translation>
    </message>
    <message>
        <source>Open Folder of .npy Tensors</source>
        <translation>打开 .npy 张量文件夹</translation>
    </message>
    <message>
        <source>Open KV Dump</source>
        <translation>打开 KV 转储</translation>
    </message>
    <message>
        <source>KV dumps (*.npz *.safetensors *.npy);;All files (*)</source>
        <translation>KV 转储 (*.npz *.safetensors *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感度</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Backend: probing…</source>
        <translation>后端：正在检测…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Could not open dump</source>
        <translation>无法打开转储</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n layer(s), K+V %2</source>
        <translation>
            <numerusform>%1：%n 层，K+V %2</numerusform>
        </translation>
    </message>
    <message>
        <source>VeloxQuant Studio[*]</source>
        <translation>VeloxQuant Studio[*]</translation>
    </message>
    <message>
        <source>%1[*] — VeloxQuant Studio</source>
        <translation>%1[*] — VeloxQuant Studio</translation>
    </message>
    <message>
        <source>Probing devices</source>
        <translation>检测设备</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The calibration or allocation has unsaved changes.
Do you want to save them before closing?</source>
        <translation>校准或分配有未保存的更改。
关闭前要保存吗？</translation>
    </message>
    <message>
        <source>Restored the unsaved session</source>
        <translation>已恢复未保存的会话</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>后端：%1</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Restore unsaved session?</source>
        <translation>恢复未保存的会话？</translation>
    </message>
    <message>
        <source>VeloxQuant Studio did not close normally. An allocation you edited and did not save was kept at %1.
Restore it?</source>
        <translation>VeloxQuant Studio 未正常关闭。您编辑过但未保存的分配已保留在 %1。
是否恢复？</translation>
    </message>
    <message>
        <source>Discard deletes it.</source>
        <translation>选择“丢弃”将删除该文件。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Theme, language, compute backend, device and worker threads</source>
        <translation>主题、语言、计算后端、设备和工作线程</translation>
    </message>
    <message>
        <source>Show the log of background jobs</source>
        <translation>显示后台任务日志</translation>
    </message>
</context>
<context>
    <name>vq::ui::MemoryModel</name>
    <message>
        <source>%1 tok × %2</source>
        <translation>%1 词元 × %2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元数</translation>
    </message>
    <message>
        <source>fp16 K+V</source>
        <translation>fp16 K+V</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>K+V</source>
        <translation>K+V</translation>
    </message>
    <message>
        <source>× fp16</source>
        <translation>× fp16</translation>
    </message>
    <message>
        <source>fp16 at %1</source>
        <translation>fp16（%1）</translation>
    </message>
    <message>
        <source>K+V at %1</source>
        <translation>K+V（%1）</translation>
    </message>
    <message>
        <source>Exact stored bytes of the allocation at the dump&apos;s length</source>
        <translation>按转储长度计算的分配实际存储字节数</translation>
    </message>
</context>
<context>
    <name>vq::ui::MemoryView</name>
    <message>
        <source>&lt;b&gt;Layer %1&lt;/b&gt; (%2 tokens)&lt;br&gt;%3: %4 %5</source>
        <translation>&lt;b&gt;第 %1 层&lt;/b&gt;（%2 个词元）&lt;br&gt;%3：%4 %5</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>batch </source>
        <translation>批大小 </translation>
    </message>
    <message>
        <source>Chart the projection</source>
        <translation>图表显示推算值</translation>
    </message>
    <message>
        <source>Project to</source>
        <translation>推算到</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>kB</source>
        <translation>kB</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <source>fp16</source>
        <translation>fp16</translation>
    </message>
    <message>
        <source>allocation K</source>
        <translation>分配 K</translation>
    </message>
    <message>
        <source>allocation V</source>
        <translation>分配 V</translation>
    </message>
    <message>
        <source>allocation K+V</source>
        <translation>分配 K+V</translation>
    </message>
    <message>
        <source>Bytes per layer at %1 tokens × batch %2</source>
        <translation>每层字节数（%1 个词元 × 批大小 %2）</translation>
    </message>
    <message>
        <source>Bytes per layer at the dump&apos;s length</source>
        <translation>每层字节数（按转储长度）</translation>
    </message>
    <message>
        <source>%1 tokens × batch %2</source>
        <translation>%1 个词元 × 批大小 %2</translation>
    </message>
    <message>
        <source>fp16 K+V: %1 at the dump&apos;s length, %2 at %3. Calibrate and allocate to compare.</source>
        <translation>fp16 K+V：按转储长度为 %1，在 %3 下为 %2。校准并分配后即可比较。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Allocation %1&lt;/b&gt; vs fp16 %2 (%3× smaller) at the dump&apos;s length · at %4: &lt;b&gt;%5&lt;/b&gt; vs fp16 %6</source>
        <translation>按转储长度：&lt;b&gt;分配 %1&lt;/b&gt;，fp16 %2（缩小 %3×）· 在 %4 下：&lt;b&gt;%5&lt;/b&gt;，fp16 %6</translation>
    </message>
    <message>
        <source>Context length to project the KV-cache memory to</source>
        <translation>推算 KV 缓存内存时使用的上下文长度</translation>
    </message>
    <message>
        <source>Sequences held at once (the projection multiplies by it)</source>
        <translation>同时保存的序列数（推算时乘以该值）</translation>
    </message>
    <message>
        <source>Chart the bytes at the projected context and batch instead of the dump&apos;s own size</source>
        <translation>图表按推算的上下文长度和批大小显示字节数，而非转储本身的大小</translation>
    </message>
    <message>
        <source>Open a dump (File → Open, or drop it on the window) to see its memory.</source>
        <translation>打开转储（文件 → 打开，或将其拖放到窗口上）以查看其内存占用。</translation>
    </message>
</context>
<context>
    <name>vq::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language applies after a restart.</source>
        <translation>语言将在重启后生效。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Automatic (Vulkan when a GPU qualifies, else CPU)</source>
        <translation>自动（有合适的 GPU 时用 Vulkan，否则用 CPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Vulkan</source>
        <translation>Vulkan</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>后端(&amp;B)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>No Vulkan device found: %1</source>
        <translation>未找到 Vulkan 设备：%1</translation>
    </message>
    <message>
        <source>none reported</source>
        <translation>未报告原因</translation>
    </message>
    <message>
        <source>Automatic picks the first discrete, else integrated GPU.</source>
        <translation>“自动”会选择第一块独立 GPU，没有时选择集成 GPU。</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>CPU threads for calibration, allocation and evaluation jobs</source>
        <translation>用于校准、分配和评估任务的 CPU 线程数</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>工作线程(&amp;W)：</translation>
    </message>
    <message>
        <source>Backend and device apply to the next job.</source>
        <translation>后端和设备从下一个任务开始生效。</translation>
    </message>
    <message>
        <source>%1: not found on this machine</source>
        <translation>%1：本机上未找到</translation>
    </message>
</context>
<context>
    <name>vq::ui::QualityModel</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>bpv uniform</source>
        <translation>bpv 均匀</translation>
    </message>
    <message>
        <source>bpv alloc.</source>
        <translation>bpv 分配</translation>
    </message>
    <message>
        <source>K cos uniform</source>
        <translation>K cos 均匀</translation>
    </message>
    <message>
        <source>K cos alloc.</source>
        <translation>K cos 分配</translation>
    </message>
    <message>
        <source>V cos uniform</source>
        <translation>V cos 均匀</translation>
    </message>
    <message>
        <source>V cos alloc.</source>
        <translation>V cos 分配</translation>
    </message>
    <message>
        <source>K MSE uniform</source>
        <translation>K MSE 均匀</translation>
    </message>
    <message>
        <source>K MSE alloc.</source>
        <translation>K MSE 分配</translation>
    </message>
    <message>
        <source>V MSE uniform</source>
        <translation>V MSE 均匀</translation>
    </message>
    <message>
        <source>V MSE alloc.</source>
        <translation>V MSE 分配</translation>
    </message>
    <message>
        <source>Output err. uniform</source>
        <translation>输出误差 均匀</translation>
    </message>
    <message>
        <source>Output err. alloc.</source>
        <translation>输出误差 分配</translation>
    </message>
    <message>
        <source>Δ output err.</source>
        <translation>Δ 输出误差</translation>
    </message>
    <message>
        <source>Mean relative MSE ‖x−x̂‖²/‖x‖² of the layer&apos;s vectors</source>
        <translation>该层向量的平均相对 MSE ‖x−x̂‖²/‖x‖²</translation>
    </message>
    <message>
        <source>Attention output error ‖o−ô‖²/‖o‖² of the layer&apos;s real queries, K̂ and V̂ together</source>
        <translation>该层真实查询在 K̂ 与 V̂ 同时量化下的注意力输出误差 ‖o−ô‖²/‖o‖²</translation>
    </message>
    <message>
        <source>Mean cosine similarity of original and reconstructed vectors</source>
        <translation>原始向量与重建向量的平均余弦相似度</translation>
    </message>
</context>
<context>
    <name>vq::ui::QualityView</name>
    <message>
        <source>&lt;b&gt;Layer %1&lt;/b&gt;&lt;br&gt;%2: %3</source>
        <translation>&lt;b&gt;第 %1 层&lt;/b&gt;&lt;br&gt;%2：%3</translation>
    </message>
    <message>
        <source>Attention output error</source>
        <translation>注意力输出误差</translation>
    </message>
    <message>
        <source>Key relative MSE</source>
        <translation>键的相对 MSE</translation>
    </message>
    <message>
        <source>Value relative MSE</source>
        <translation>值的相对 MSE</translation>
    </message>
    <message>
        <source>Key 1 − cosine</source>
        <translation>键 1 − 余弦</translation>
    </message>
    <message>
        <source>Value 1 − cosine</source>
        <translation>值 1 − 余弦</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Quantize every layer as allocated and as uniform at the same target, and measure</source>
        <translation>按分配方案和同目标的均匀方案分别量化每一层并测量</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>Calibrate and allocate first; then Measure compares the allocation with uniform per layer.</source>
        <translation>请先校准并分配；然后“测量”会逐层比较该分配与均匀方案。</translation>
    </message>
    <message>
        <source>Measure compares the allocation with the uniform setting at the same target, per layer.</source>
        <translation>“测量”会逐层比较该分配与同一目标下的均匀设置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The allocation changed since it was measured&lt;/b&gt;: Measure again.</source>
        <translation>&lt;b&gt;分配在测量后已更改&lt;/b&gt;：请重新测量。</translation>
    </message>
    <message>
        <source>Measured: &lt;b&gt;%1&lt;/b&gt; allocation vs &lt;b&gt;uniform&lt;/b&gt; at %2 %3</source>
        <translation>已测量：&lt;b&gt;%1&lt;/b&gt; 分配 对比 &lt;b&gt;均匀&lt;/b&gt;，目标 %2 %3</translation>
    </message>
    <message>
        <source>bits/value</source>
        <translation>位/值</translation>
    </message>
    <message>
        <source>bpv</source>
        <translation>bpv</translation>
    </message>
    <message>
        <source> · whole dump attention output error: uniform %1, allocation &lt;b&gt;%2&lt;/b&gt;</source>
        <translation> · 整个转储的注意力输出误差：均匀 %1，分配 &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀</translation>
    </message>
    <message>
        <source>allocation</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <source>%1 per layer: uniform vs allocation</source>
        <translation>每层%1：均匀 对比 分配</translation>
    </message>
    <message>
        <source>The error per layer shown on the chart</source>
        <translation>图表中显示的每层误差</translation>
    </message>
    <message>
        <source>Logarithmic value axis</source>
        <translation>对数数值轴</translation>
    </message>
</context>
<context>
    <name>vq::ui::ScreenshotTour</name>
    <message>
        <source>could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>vq::ui::SensitivityChart</name>
    <message>
        <source>Distortion D per group</source>
        <translation>每组失真 D</translation>
    </message>
    <message>
        <source>Weighted distortion w·D per group</source>
        <translation>每组加权失真 w·D</translation>
    </message>
    <message>
        <source>Weight / probe score per group</source>
        <translation>每组权重 / 探针得分</translation>
    </message>
    <message>
        <source>Fitted β per group</source>
        <translation>每组拟合 β</translation>
    </message>
    <message>
        <source>No calibration yet: choose a probe and a menu, then Run (F5)</source>
        <translation>尚未校准：选择探针和菜单，然后运行 (F5)</translation>
    </message>
    <message>
        <source>&lt;br&gt;D @%1 = %2</source>
        <translation>&lt;br&gt;D @%1 = %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;w = %1</source>
        <translation>&lt;br&gt;w = %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;α = %1, β = %2, R² = %3</source>
        <translation>&lt;br&gt;α = %1，β = %2，R² = %3</translation>
    </message>
</context>
<context>
    <name>vq::ui::SensitivityModel</name>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 with %2: D = %3 at %4 bits per value</source>
        <translation>%1 使用 %2：D = %3，每值 %4 位</translation>
    </message>
    <message>
        <source>Unnormalised until the run ends</source>
        <translation>运行结束前未归一化</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>K/V</source>
        <translation>K/V</translation>
    </message>
    <message>
        <source>D @%1</source>
        <translation>D @%1</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>β</source>
        <translation>β</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>Score w</source>
        <translation>得分 w</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>Model curve β^−rate for %1 (not a measurement)</source>
        <translation>%1 的模型曲线 β^−码率（非实测）</translation>
    </message>
    <message>
        <source>Measured distortion with %1</source>
        <translation>使用 %1 的实测失真</translation>
    </message>
    <message>
        <source>Least-squares fit of ln D = ln α − bpv·ln β</source>
        <translation>ln D = ln α − bpv·ln β 的最小二乘拟合</translation>
    </message>
    <message>
        <source>Mean squared key norm (VeloxQuant-MLX&apos;s proxy)</source>
        <translation>键范数平方的均值（VeloxQuant-MLX 的代理指标）</translation>
    </message>
    <message>
        <source>Attention output error per unit of input noise × the group&apos;s share of the output</source>
        <translation>单位输入噪声引起的注意力输出误差 × 该组在输出中的占比</translation>
    </message>
    <message>
        <source>The group&apos;s share of the attention output energy (or of the values)</source>
        <translation>该组在注意力输出能量（或值）中的占比</translation>
    </message>
</context>
<context>
    <name>vq::ui::SensitivityView</name>
    <message>
        <source>Not a bit-width: “%1”</source>
        <translation>不是有效的位宽：“%1”</translation>
    </message>
    <message>
        <source>Empirical (measured)</source>
        <translation>经验（实测）</translation>
    </message>
    <message>
        <source>Perturb (noise)</source>
        <translation>扰动（噪声）</translation>
    </message>
    <message>
        <source>Key norm (proxy)</source>
        <translation>键范数（代理）</translation>
    </message>
    <message>
        <source>empirical: quantize each group with each menu entry and measure the attention output error;
perturb: attention output change per unit of Gaussian noise;
keynorm: VeloxQuant-MLX&apos;s mean ‖k‖² proxy (cheap, often wrong)</source>
        <translation>empirical：用每个菜单项量化每个组并测量注意力输出误差；
perturb：单位高斯噪声引起的注意力输出变化；
keynorm：VeloxQuant-MLX 的平均 ‖k‖² 代理指标（开销小，但常常不准）</translation>
    </message>
    <message>
        <source>Formats…</source>
        <translation>格式…</translation>
    </message>
    <message>
        <source>The menu: one method&apos;s bit-widths, or a list of named formats</source>
        <translation>菜单：某一方法的各个位宽，或一组具名格式</translation>
    </message>
    <message>
        <source>Layer × head</source>
        <translation>层 × 头</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>K, V separate</source>
        <translation>K、V 分开</translation>
    </message>
    <message>
        <source>K+V joint</source>
        <translation>K+V 合并</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Query positions sampled per head for the attention metric (0: all)</source>
        <translation>注意力指标中每个头采样的查询位置数（0：全部）</translation>
    </message>
    <message>
        <source>&amp;Run Calibration</source>
        <translation>运行校准(&amp;R)</translation>
    </message>
    <message>
        <source>Calibrate the open dump with these settings (F5)</source>
        <translation>用这些设置校准已打开的转储 (F5)</translation>
    </message>
    <message>
        <source>Run (F5)</source>
        <translation>运行 (F5)</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>探针(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>菜单(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>分组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Queries</source>
        <translation>查询(&amp;Q)</translation>
    </message>
    <message>
        <source>Distortion D</source>
        <translation>失真 D</translation>
    </message>
    <message>
        <source>Weighted w·D</source>
        <translation>加权 w·D</translation>
    </message>
    <message>
        <source>Weight / score w</source>
        <translation>权重 / 得分 w</translation>
    </message>
    <message>
        <source>Fitted β</source>
        <translation>拟合 β</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>at</source>
        <translation>于</translation>
    </message>
    <message>
        <source>Comma-separated formats, e.g. q4_0,q8_0,fp16 or turboquant_mse:3. llama.cpp block formats span all heads of a layer: use Layer groups.</source>
        <translation>逗号分隔的格式，例如 q4_0,q8_0,fp16 或 turboquant_mse:3。llama.cpp 的块格式跨越一层的所有头：请使用“层”分组。</translation>
    </message>
    <message>
        <source>Bit-widths of %1 (it offers %2)</source>
        <translation>%1 的位宽（可选 %2）</translation>
    </message>
    <message>
        <source>Calibrating…</source>
        <translation>正在校准…</translation>
    </message>
    <message numerus="yes">
        <source>Calibrated %n group(s)</source>
        <translation>
            <numerusform>已校准 %n 个组</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; the previous calibration is kept.</source>
        <translation>已取消；保留先前的校准。</translation>
    </message>
    <message>
        <source>Choose a probe and a menu, then Run (F5).</source>
        <translation>选择探针和菜单，然后运行 (F5)。</translation>
    </message>
    <message>
        <source>Open a dump first (File → Open, or drop it on the window).</source>
        <translation>请先打开转储（文件 → 打开，或将其拖放到窗口上）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 probe, %2 metric, %n group(s)</source>
        <translation>
            <numerusform>探针 %1，指标 %2，%n 个组</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 query positions per head</source>
        <translation>；每个头 %1 个查询位置</translation>
    </message>
    <message>
        <source>Bit-widths (or formats) of the menu each group is measured at</source>
        <translation>菜单中的位宽（或格式），每个组都按这些设置测量</translation>
    </message>
    <message>
        <source>One group per layer and KV head, or one per layer (what a runtime can allocate)</source>
        <translation>每层每个 KV 头一组，或每层一组（取决于推理运行时能分配的粒度）</translation>
    </message>
    <message>
        <source>Keys and values as separate groups (they get their own bits), or together</source>
        <translation>键和值作为独立的组（各自分配位数），或合为一组</translation>
    </message>
    <message>
        <source>Calibrate the open dump with these settings (F5); Esc cancels</source>
        <translation>用这些设置校准已打开的转储 (F5)；按 Esc 取消</translation>
    </message>
    <message>
        <source>What the bars show: the measured distortion, weighted by the group&apos;s importance, the weight, or the fitted slope β</source>
        <translation>柱条显示的内容：实测失真、按组重要性加权的失真、权重，或拟合斜率 β</translation>
    </message>
    <message>
        <source>The menu entry (bit-width or format) whose measurement the bars show</source>
        <translation>柱条所显示测量结果对应的菜单项（位宽或格式）</translation>
    </message>
    <message>
        <source>Logarithmic value axis (small and large errors side by side)</source>
        <translation>对数数值轴（可同时看清大小误差）</translation>
    </message>
    <message>
        <source>The menu entry whose distortion is shown</source>
        <translation>所显示失真对应的菜单项</translation>
    </message>
    <message>
        <source>(no menu)</source>
        <translation>（无菜单）</translation>
    </message>
    <message>
        <source>The menu is not valid yet: %1</source>
        <translation>菜单尚无效：%1</translation>
    </message>
</context>
<context>
    <name>vq::ui::SessionFiles</name>
    <message>
        <source>The dump this session was made from (%1) was not found; open that dump first (File → Open Dump), then the session again.</source>
        <translation>未找到该会话所基于的转储 (%1)；请先打开该转储（文件 → 打开转储），再重新打开会话。</translation>
    </message>
    <message>
        <source>There is no allocation to save: calibrate first.</source>
        <translation>没有可保存的分配：请先校准。</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>The session file keeps no calibration table (groups[].table).</source>
        <translation>会话文件中没有校准表 (groups[].table)。</translation>
    </message>
    <message>
        <source>There is no allocation to export: calibrate first.</source>
        <translation>没有可导出的分配：请先校准。</translation>
    </message>
    <message>
        <source>VeloxQuant-MLX bit list</source>
        <translation>VeloxQuant-MLX 位数列表</translation>
    </message>
    <message>
        <source>VeloxQuant-MLX bit dictionary</source>
        <translation>VeloxQuant-MLX 位数字典</translation>
    </message>
    <message>
        <source>KVTuner per-layer config</source>
        <translation>KVTuner 逐层配置</translation>
    </message>
    <message>
        <source>vLLM engine arguments</source>
        <translation>vLLM 引擎参数</translation>
    </message>
    <message>
        <source>llama.cpp cache types</source>
        <translation>llama.cpp 缓存类型</translation>
    </message>
    <message>
        <source>transformers QuantizedCache config</source>
        <translation>transformers QuantizedCache 配置</translation>
    </message>
    <message>
        <source>mlx_lm options</source>
        <translation>mlx_lm 选项</translation>
    </message>
</context>
<context>
    <name>vq::ui::SetGroupChoiceCommand</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>vq::ui::SetGroupsChoiceCommand</name>
    <message numerus="yes">
        <source>%n group(s) → %1</source>
        <translation>
            <numerusform>%n 个组 → %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vq::ui::TableView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy Whole Table</source>
        <translation>复制整个表格</translation>
    </message>
</context>
</TS>
