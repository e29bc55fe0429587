<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>KV-cache quantization workbench</source>
        <translation>Werkbank für die Quantisierung von KV-Caches</translation>
    </message>
    <message>
        <source>KV dump or session (*.vqalloc.json) to open (default: the bundled sample)</source>
        <translation>Zu öffnender KV-Dump oder Sitzung (*.vqalloc.json) (Standard: das mitgelieferte Beispiel)</translation>
    </message>
    <message>
        <source>Save PNG screenshots of the views to DIR and quit.</source>
        <translation>PNG-Bildschirmfotos der Ansichten in DIR speichern und beenden.</translation>
    </message>
    <message>
        <source>Appearance: system, light or dark (default: the setting).</source>
        <translation>Erscheinungsbild: system, light oder dark (Standard: die Einstellung).</translation>
    </message>
    <message>
        <source>Interface language: en, de or zh_CN (default: the setting, else the system locale).</source>
        <translation>Sprache der Oberfläche: en, de oder zh_CN (Standard: die Einstellung, sonst die Systemsprache).</translation>
    </message>
    <message>
        <source>Print the path of the bundled sample opened by default, and quit.</source>
        <translation>Den Pfad des mitgelieferten Beispiels ausgeben, das standardmäßig geöffnet wird, und beenden.</translation>
    </message>
    <message>
        <source>The bundled samples were not found; reinstall VeloxQuant Studio.</source>
        <translation>Die mitgelieferten Beispiele wurden nicht gefunden; VeloxQuant Studio bitte neu installieren.</translation>
    </message>
</context>
<context>
    <name>vq::ui::AboutDialog</name>
    <message>
        <source>&lt;h3&gt;VeloxQuant Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for KV-cache quantization of large language models: load real attention activations, measure quantization methods (TurboQuant, QJL, PolarQuant, KIVI, llama.cpp and MLX formats), learn how they work, allocate bits per layer and head, verify and export the allocation.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3), Eigen and Vulkan compute.&lt;/p&gt;&lt;p&gt;The bundled samples are activations of TinyStories-656K (Apache-2.0); see the LICENSE file beside them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VeloxQuant Studio %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für die Quantisierung des KV-Caches großer Sprachmodelle: echte Attention-Aktivierungen laden, Quantisierungsverfahren messen (TurboQuant, QJL, PolarQuant, KIVI, Formate von llama.cpp und MLX), verstehen, wie sie arbeiten, Bits pro Schicht und Kopf zuteilen, die Zuteilung prüfen und exportieren.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (läuft unter Qt %3), Eigen und Vulkan Compute.&lt;/p&gt;&lt;p&gt;Die mitgelieferten Beispiele sind Aktivierungen von TinyStories-656K (Apache-2.0); siehe die LICENSE-Datei daneben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About VeloxQuant Studio</source>
        <translation>Über VeloxQuant Studio</translation>
    </message>
    <message>
        <source>&amp;About VeloxQuant Studio</source>
        <translation>&amp;Über VeloxQuant Studio</translation>
    </message>
    <message>
        <source>Version, what the program does and licences</source>
        <translation>Version, Zweck des Programms und Lizenzen</translation>
    </message>
</context>
<context>
    <name>vq::ui::AllocationChart</name>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Bits per group (drag a bar to change it)</source>
        <translation>Bits pro Gruppe (Balken ziehen, um ihn zu ändern)</translation>
    </message>
    <message>
        <source>Stored bits per value per group (drag a bar to change it)</source>
        <translation>Gespeicherte Bits pro Wert je Gruppe (Balken ziehen, um ihn zu ändern)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 bpv stored&lt;br&gt;predicted D = %4&lt;br&gt;w = %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 bpv gespeichert&lt;br&gt;vorhergesagtes D = %4&lt;br&gt;w = %5</translation>
    </message>
    <message>
        <source>No allocation yet: calibrate in the Sensitivity view (F5), then Optimal</source>
        <translation>Noch keine Zuteilung: in der Ansicht Sensitivität kalibrieren (F5), dann „Optimal“</translation>
    </message>
</context>
<context>
    <name>vq::ui::AllocationModel</name>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>fixiert</translation>
    </message>
    <message>
        <source>Double-click (or F2) to choose another setting; drag the bar in the chart</source>
        <translation>Doppelklick (oder F2) wählt eine andere Einstellung; oder den Balken im Diagramm ziehen</translation>
    </message>
    <message>
        <source>Run Verify to measure</source>
        <translation>Zum Messen „Prüfen“ ausführen</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>K/V</source>
        <translation>K/V</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Rate (bpv)</source>
        <translation>Rate (bpv)</translation>
    </message>
    <message>
        <source>Stored bpv</source>
        <translation>Gespeicherte bpv</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>Gewicht w</translation>
    </message>
    <message>
        <source>Predicted D</source>
        <translation>Vorhergesagtes D</translation>
    </message>
    <message>
        <source>Measured D</source>
        <translation>Gemessenes D</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fixiert</translation>
    </message>
    <message>
        <source>The group&apos;s rate in the budget&apos;s unit</source>
        <translation>Die Rate der Gruppe in der Einheit des Budgets</translation>
    </message>
    <message>
        <source>Exact stored bits per value (norms, scales and padding counted)</source>
        <translation>Exakt gespeicherte Bits pro Wert (Normen, Skalen und Auffüllung mitgezählt)</translation>
    </message>
    <message>
        <source>Calibrated distortion at the chosen setting (estimated)</source>
        <translation>Kalibrierte Verzerrung bei der gewählten Einstellung (geschätzt)</translation>
    </message>
    <message>
        <source>Distortion measured by Verify with the whole allocation applied</source>
        <translation>Von „Prüfen“ gemessene Verzerrung mit der gesamten Zuteilung</translation>
    </message>
</context>
<context>
    <name>vq::ui::AllocationView</name>
    <message>
        <source>Allocate: %1 at %2</source>
        <translation>Zuteilen: %1 bei %2</translation>
    </message>
    <message>
        <source>Average rate over every group (the budget)</source>
        <translation>Mittlere Rate über alle Gruppen (das Budget)</translation>
    </message>
    <message>
        <source>Pin the first N layers to the menu&apos;s highest setting</source>
        <translation>Die ersten N Schichten auf die höchste Einstellung des Menüs festlegen</translation>
    </message>
    <message>
        <source>Pin the last N layers to the menu&apos;s highest setting</source>
        <translation>Die letzten N Schichten auf die höchste Einstellung des Menüs festlegen</translation>
    </message>
    <message>
        <source>K/V budgets</source>
        <translation>K/V-Budgets</translation>
    </message>
    <message>
        <source>Give keys and values separate average rates (K/V separate groups only)</source>
        <translation>Keys und Values getrennte mittlere Raten geben (nur bei getrennten K/V-Gruppen)</translation>
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
        <translation>&amp;Optimal</translation>
    </message>
    <message>
        <source>Exact optimum of the discrete problem on the measured table</source>
        <translation>Exaktes Optimum des diskreten Problems auf der gemessenen Tabelle</translation>
    </message>
    <message>
        <source>&amp;RateQuant</source>
        <translation>&amp;RateQuant</translation>
    </message>
    <message>
        <source>VeloxQuant-MLX&apos;s closed form (for parity)</source>
        <translation>Die geschlossene Formel von VeloxQuant-MLX (zum Vergleich)</translation>
    </message>
    <message>
        <source>&amp;Uniform</source>
        <translation>&amp;Gleichmäßig</translation>
    </message>
    <message>
        <source>The same setting for every group: the baseline</source>
        <translation>Dieselbe Einstellung für jede Gruppe: die Referenz</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Quantize the dump as allocated and measure (predicted vs measured)</source>
        <translation>Den Dump wie zugeteilt quantisieren und messen (vorhergesagt gegen gemessen)</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>Protect first</source>
        <translation>Schützen: erste</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzte</translation>
    </message>
    <message>
        <source>Allocate:</source>
        <translation>Zuteilen:</translation>
    </message>
    <message>
        <source>bits / value</source>
        <translation>Bits / Wert</translation>
    </message>
    <message>
        <source>bpv (stored)</source>
        <translation>bpv (gespeichert)</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Run a calibration (Sensitivity view, F5) to allocate bits.</source>
        <translation>Zum Zuteilen von Bits eine Kalibrierung ausführen (Ansicht Sensitivität, F5).</translation>
    </message>
    <message>
        <source>%1 bits/value (%2 bpv stored)</source>
        <translation>%1 Bits/Wert (%2 bpv gespeichert)</translation>
    </message>
    <message>
        <source>%1 bpv</source>
        <translation>%1 bpv</translation>
    </message>
    <message>
        <source>(over the target)</source>
        <translation>(über dem Ziel)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · average %2 · memory %3 of %4 fp16 (%5×) · predicted distortion %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · Mittel %2 · Speicher %3 von %4 fp16 (%5×) · vorhergesagte Verzerrung %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verified&lt;/b&gt; (%1 s): predicted %2, measured %3 (%4); stored %5 bpv; output error K-only %6, V-only %7</source>
        <translation>&lt;b&gt;Geprüft&lt;/b&gt; (%1 s): vorhergesagt %2, gemessen %3 (%4); gespeichert %5 bpv; Ausgabefehler nur K %6, nur V %7</translation>
    </message>
    <message>
        <source>attention output error</source>
        <translation>Attention-Ausgabefehler</translation>
    </message>
    <message>
        <source>relative MSE of K plus V</source>
        <translation>relativer MSE von K plus V</translation>
    </message>
    <message>
        <source>Predicted values are estimates from calibration; Verify measures them.</source>
        <translation>Vorhergesagte Werte sind Schätzungen aus der Kalibrierung; „Prüfen“ misst sie.</translation>
    </message>
    <message>
        <source>Target average rate over every group (the budget); the solvers use it</source>
        <translation>Angestrebte mittlere Rate über alle Gruppen (das Budget); die Löser verwenden sie</translation>
    </message>
    <message>
        <source>Average rate for the key groups (with K/V budgets)</source>
        <translation>Mittlere Rate der Key-Gruppen (bei K/V-Budgets)</translation>
    </message>
    <message>
        <source>Average rate for the value groups (with K/V budgets)</source>
        <translation>Mittlere Rate der Value-Gruppen (bei K/V-Budgets)</translation>
    </message>
    <message>
        <source>No allocation yet: set the target and press Optimal, RateQuant or Uniform.</source>
        <translation>Noch keine Zuteilung: Ziel festlegen und „Optimal“, „RateQuant“ oder „Gleichmäßig“ drücken.</translation>
    </message>
    <message>
        <source>Double-click or F2 on Setting to edit; with several rows selected, the edit applies to all</source>
        <translation>Zum Bearbeiten doppelt auf „Einstellung“ klicken oder F2 drücken; sind mehrere Zeilen ausgewählt, gilt die Änderung für alle</translation>
    </message>
</context>
<context>
    <name>vq::ui::Autosave</name>
    <message>
        <source>Could not autosave to %1: %2</source>
        <translation>Automatisches Speichern nach %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>vq::ui::ChartView</name>
    <message>
        <source>could not encode the image</source>
        <translation>das Bild konnte nicht kodiert werden</translation>
    </message>
    <message>
        <source>VeloxQuant Studio chart</source>
        <translation>VeloxQuant-Studio-Diagramm</translation>
    </message>
    <message>
        <source>Exported from VeloxQuant Studio</source>
        <translation>Aus VeloxQuant Studio exportiert</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern …</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>Als SVG speichern …</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>vq::ui::CompareChart</name>
    <message>
        <source>bits per value (stored)</source>
        <translation>Bits pro Wert (gespeichert)</translation>
    </message>
    <message>
        <source>Attention output error vs storage</source>
        <translation>Attention-Ausgabefehler gegen Speicherbedarf</translation>
    </message>
    <message>
        <source>Key relative MSE vs storage</source>
        <translation>Relativer MSE der Keys gegen Speicherbedarf</translation>
    </message>
    <message>
        <source>Value relative MSE vs storage</source>
        <translation>Relativer MSE der Values gegen Speicherbedarf</translation>
    </message>
    <message>
        <source>output error (log)</source>
        <translation>Ausgabefehler (log)</translation>
    </message>
    <message>
        <source>relative MSE (log)</source>
        <translation>relativer MSE (log)</translation>
    </message>
    <message>
        <source>limit 4^−b</source>
        <translation>Grenze 4^−b</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1%2&lt;/b&gt;&lt;br&gt;%3 bpv (%4× fp16)&lt;br&gt;output error %5&lt;br&gt;K rel. MSE %6, V rel. MSE %7</source>
        <translation>&lt;b&gt;%1%2&lt;/b&gt;&lt;br&gt;%3 bpv (%4× fp16)&lt;br&gt;Ausgabefehler %5&lt;br&gt;K rel. MSE %6, V rel. MSE %7</translation>
    </message>
</context>
<context>
    <name>vq::ui::CompareModel</name>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
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
        <translation>K rel. MSE</translation>
    </message>
    <message>
        <source>V rel. MSE</source>
        <translation>V rel. MSE</translation>
    </message>
    <message>
        <source>K cosine</source>
        <translation>K Kosinus</translation>
    </message>
    <message>
        <source>V cosine</source>
        <translation>V Kosinus</translation>
    </message>
    <message>
        <source>Output error</source>
        <translation>Ausgabefehler</translation>
    </message>
    <message>
        <source>K-only</source>
        <translation>Nur K</translation>
    </message>
    <message>
        <source>V-only</source>
        <translation>Nur V</translation>
    </message>
    <message>
        <source>K wasted bits</source>
        <translation>K verschwendete Bits</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Exact stored bits per value of keys and values (norms, scales, padding counted)</source>
        <translation>Exakt gespeicherte Bits pro Wert der Keys und Values (Normen, Skalen, Auffüllung mitgezählt)</translation>
    </message>
    <message>
        <source>Attention output error ‖o−ô‖²/‖o‖² of real queries with K̂ and V̂</source>
        <translation>Attention-Ausgabefehler ‖o−ô‖²/‖o‖² echter Queries mit K̂ und V̂</translation>
    </message>
    <message>
        <source>½·log₂(D / 4^−b): bits spent above the Shannon limit of a Gaussian source</source>
        <translation>½·log₂(D / 4^−b): Bits über der Shannon-Grenze einer Gaußschen Quelle</translation>
    </message>
</context>
<context>
    <name>vq::ui::CompareView</name>
    <message>
        <source>Bit-widths for methods that have one; fixed formats run once</source>
        <translation>Bitbreiten für Verfahren, die eine haben; feste Formate laufen einmal</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Attention output error</source>
        <translation>Attention-Ausgabefehler</translation>
    </message>
    <message>
        <source>Key relative MSE</source>
        <translation>Relativer MSE der Keys</translation>
    </message>
    <message>
        <source>Value relative MSE</source>
        <translation>Relativer MSE der Values</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Queries</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message numerus="yes">
        <source>%n configuration(s) measured</source>
        <translation>
            <numerusform>%n Konfiguration gemessen</numerusform>
            <numerusform>%n Konfigurationen gemessen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped (see the Note column)</source>
        <translation>
            <numerusform>; %n übersprungen (siehe Spalte Hinweis)</numerusform>
            <numerusform>; %n übersprungen (siehe Spalte Hinweis)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the table shows the methods finished before.</source>
        <translation>Abgebrochen: Die Tabelle zeigt die zuvor fertigen Verfahren.</translation>
    </message>
    <message>
        <source>Pick methods and bit-widths, then Run.</source>
        <translation>Verfahren und Bitbreiten wählen, dann „Starten“.</translation>
    </message>
    <message>
        <source>Nothing to run: pick at least one method (and bit-widths it offers).</source>
        <translation>Nichts auszuführen: mindestens ein Verfahren wählen (und Bitbreiten, die es bietet).</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n configuration(s)…</source>
        <translation>
            <numerusform>%n Konfiguration wird verglichen …</numerusform>
            <numerusform>%n Konfigurationen werden verglichen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Methods to compare: tick them, then Run</source>
        <translation>Zu vergleichende Verfahren: ankreuzen, dann „Starten“</translation>
    </message>
    <message>
        <source>Query positions sampled per head for the attention metrics (0: all)</source>
        <translation>Je Kopf gezogene Query-Positionen für die Attention-Metriken (0: alle)</translation>
    </message>
    <message>
        <source>The error on the chart&apos;s vertical axis</source>
        <translation>Der Fehler auf der senkrechten Achse des Diagramms</translation>
    </message>
    <message>
        <source>Measure every ticked method at each bit-width on the whole dump</source>
        <translation>Jedes angekreuzte Verfahren bei jeder Bitbreite auf dem ganzen Dump messen</translation>
    </message>
    <message>
        <source>Open a dump first (File → Open, or drop it on the window), then pick methods and Run.</source>
        <translation>Zuerst einen Dump öffnen (Datei → Öffnen oder auf das Fenster ziehen), dann Verfahren wählen und „Starten“.</translation>
    </message>
</context>
<context>
    <name>vq::ui::Compute</name>
    <message>
        <source>%1 — GPU not used: %2</source>
        <translation>%1 – GPU nicht verwendet: %2</translation>
    </message>
</context>
<context>
    <name>vq::ui::DatasetPanel</name>
    <message>
        <source>&lt;h3&gt;No dump open&lt;/h3&gt;&lt;p&gt;Drop a KV dump (.npz, .safetensors or a folder of .npy files) here, or use File → Open (Ctrl+O).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kein Dump geöffnet&lt;/h3&gt;&lt;p&gt;Einen KV-Dump (.npz, .safetensors oder einen Ordner mit .npy-Dateien) hier ablegen oder Datei → Öffnen (Ctrl+O) verwenden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(not named in the metadata)</source>
        <translation>(in den Metadaten nicht benannt)</translation>
    </message>
    <message>
        <source>SYNTHETIC</source>
        <translation>SYNTHETISCH</translation>
    </message>
    <message>
        <source> (maximum; layers differ)</source>
        <translation> (Maximum; Schichten unterscheiden sich)</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Model&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;File&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%2 (%3, %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Layers&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Heads&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6 query / %7 key-value&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Head dim&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tokens&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Type&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;KV memory&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%11 (all tensors %12)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Modell&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Datei&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%2 (%3, %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Schichten&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Köpfe&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6 Query / %7 Key-Value&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Kopfdimension&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tokens&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Typ&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;KV-Speicher&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%11 (alle Tensoren %12)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>This dump has no queries: key metrics fall back to reconstruction error.</source>
        <translation>Dieser Dump enthält keine Queries: Key-Metriken greifen auf den Rekonstruktionsfehler zurück.</translation>
    </message>
    <message>
        <source>Tensors use different element types.</source>
        <translation>Die Tensoren haben unterschiedliche Elementtypen.</translation>
    </message>
    <message numerus="yes">
        <source>Non-finite values: %1 NaN and %2 Inf in %n tensor(s) (%3). Metrics skip them; quantizers may not.</source>
        <translation>
            <numerusform>Nicht endliche Werte: %1 NaN und %2 Inf in %n Tensor (%3). Die Metriken überspringen sie, Quantisierer womöglich nicht.</numerusform>
            <numerusform>Nicht endliche Werte: %1 NaN und %2 Inf in %n Tensoren (%3). Die Metriken überspringen sie, Quantisierer womöglich nicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking values of %1</source>
        <translation>Werte von %1 werden geprüft</translation>
    </message>
</context>
<context>
    <name>vq::ui::DumpTreeModel</name>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>%1 query heads, %2 KV heads; memory is K+V as stored</source>
        <translation>%1 Query-Köpfe, %2 KV-Köpfe; Speicher ist K+V wie gespeichert</translation>
    </message>
    <message>
        <source>%1, stored as %2</source>
        <translation>%1, gespeichert als %2</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>Layer / tensor / head</source>
        <translation>Schicht / Tensor / Kopf</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Head dim</source>
        <translation>Kopfdim.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
</context>
<context>
    <name>vq::ui::ErrorHint</name>
    <message>
        <source>Check that the file or folder exists and that you may read (or write) it, and that the disk is not full.</source>
        <translation>Prüfen, ob die Datei oder der Ordner existiert, ob Lese- (bzw. Schreib-)rechte bestehen und ob der Datenträger nicht voll ist.</translation>
    </message>
    <message>
        <source>Check the path, or open the file with File ▸ Open.</source>
        <translation>Den Pfad prüfen oder die Datei über Datei ▸ Öffnen auswählen.</translation>
    </message>
    <message>
        <source>Open a .npz, .safetensors or a folder of .npy files (tools/dump_kv.py writes them).</source>
        <translation>Eine .npz- oder .safetensors-Datei oder einen Ordner mit .npy-Dateien öffnen (tools/dump_kv.py erzeugt sie).</translation>
    </message>
    <message>
        <source>The file is damaged or was not copied completely: copy or export it again.</source>
        <translation>Die Datei ist beschädigt oder wurde nicht vollständig kopiert: erneut kopieren oder exportieren.</translation>
    </message>
    <message>
        <source>Write the dump again with the exporter that made it, or fix the named entry.</source>
        <translation>Den Dump mit dem Exporter, der ihn erzeugt hat, neu schreiben oder den genannten Eintrag korrigieren.</translation>
    </message>
    <message>
        <source>Save the tensors as float32, float16 or bfloat16.</source>
        <translation>Die Tensoren als float32, float16 oder bfloat16 speichern.</translation>
    </message>
    <message>
        <source>Save the array with numpy.ascontiguousarray first.</source>
        <translation>Das Array vor dem Speichern mit numpy.ascontiguousarray umwandeln.</translation>
    </message>
    <message>
        <source>A dump needs k and v tensors for every layer, with matching shapes (q is optional).</source>
        <translation>Ein Dump braucht für jede Schicht k- und v-Tensoren mit passenden Formen (q ist optional).</translation>
    </message>
    <message>
        <source>Add &quot;layout&quot;: &quot;HTD&quot; or &quot;THD&quot; to the dump&apos;s JSON sidecar.</source>
        <translation>&quot;layout&quot;: &quot;HTD&quot; oder &quot;THD&quot; in die JSON-Begleitdatei des Dumps eintragen.</translation>
    </message>
    <message>
        <source>Re-save the .npz with numpy.savez or numpy.savez_compressed.</source>
        <translation>Die .npz-Datei mit numpy.savez oder numpy.savez_compressed neu speichern.</translation>
    </message>
    <message>
        <source>Change the named setting to a value in its range and try again.</source>
        <translation>Die genannte Einstellung auf einen Wert in ihrem Bereich setzen und erneut versuchen.</translation>
    </message>
    <message>
        <source>Choose another method, or run on the CPU backend.</source>
        <translation>Ein anderes Verfahren wählen oder auf dem CPU-Backend rechnen.</translation>
    </message>
    <message>
        <source>Raise the target, protect fewer layers, or add cheaper settings to the menu.</source>
        <translation>Das Ziel erhöhen, weniger Schichten schützen oder günstigere Einstellungen ins Menü aufnehmen.</translation>
    </message>
    <message>
        <source>Please report it with the file and the steps that led here.</source>
        <translation>Bitte mit der Datei und den Schritten, die dazu geführt haben, melden.</translation>
    </message>
</context>
<context>
    <name>vq::ui::ErrorText</name>
    <message>
        <source>%1 could not be read or written.</source>
        <translation>%1 konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a dump this program reads (.npz, .safetensors or a folder of .npy).</source>
        <translation>%1 ist kein Dump, den dieses Programm liest (.npz, .safetensors oder ein Ordner mit .npy).</translation>
    </message>
    <message>
        <source>%1 does not start like a file of its type (wrong magic bytes).</source>
        <translation>%1 beginnt nicht wie eine Datei seines Typs (falsche Magic Bytes).</translation>
    </message>
    <message>
        <source>%1 is truncated: it ends before the data its header announces.</source>
        <translation>%1 ist abgeschnitten: Die Datei endet vor den Daten, die ihr Header ankündigt.</translation>
    </message>
    <message>
        <source>%1 has a malformed header.</source>
        <translation>%1 hat einen fehlerhaften Header.</translation>
    </message>
    <message>
        <source>%1 contains invalid JSON.</source>
        <translation>%1 enthält ungültiges JSON.</translation>
    </message>
    <message>
        <source>%1 uses an element type other than f32, f16 or bf16.</source>
        <translation>%1 verwendet einen anderen Elementtyp als f32, f16 oder bf16.</translation>
    </message>
    <message>
        <source>%1 stores an array in Fortran order; save it in C order.</source>
        <translation>%1 speichert ein Array in Fortran-Reihenfolge; bitte in C-Reihenfolge speichern.</translation>
    </message>
    <message>
        <source>%1 declares an invalid tensor shape.</source>
        <translation>%1 deklariert eine ungültige Tensorform.</translation>
    </message>
    <message>
        <source>%1 points to data outside the file.</source>
        <translation>%1 verweist auf Daten außerhalb der Datei.</translation>
    </message>
    <message>
        <source>%1 contains the same tensor twice.</source>
        <translation>%1 enthält denselben Tensor zweimal.</translation>
    </message>
    <message>
        <source>%1 lacks a tensor the dump needs.</source>
        <translation>%1 fehlt ein Tensor, den der Dump braucht.</translation>
    </message>
    <message>
        <source>%1 has tensors whose shapes disagree.</source>
        <translation>%1 hat Tensoren mit widersprüchlichen Formen.</translation>
    </message>
    <message>
        <source>%1 has an ambiguous tensor layout; declare &quot;layout&quot; in its JSON sidecar.</source>
        <translation>%1 hat ein mehrdeutiges Tensorlayout; &quot;layout&quot; in der JSON-Begleitdatei angeben.</translation>
    </message>
    <message>
        <source>%1 contains no key/value tensors.</source>
        <translation>%1 enthält keine Key-/Value-Tensoren.</translation>
    </message>
    <message>
        <source>%1 uses a compression method other than stored or deflate.</source>
        <translation>%1 verwendet ein anderes Kompressionsverfahren als stored oder deflate.</translation>
    </message>
    <message>
        <source>%1 is corrupt.</source>
        <translation>%1 ist beschädigt.</translation>
    </message>
    <message>
        <source>%1 was given an invalid setting.</source>
        <translation>%1 hat eine ungültige Einstellung erhalten.</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 asks for something this build cannot do.</source>
        <translation>%1 verlangt etwas, das dieser Build nicht kann.</translation>
    </message>
    <message>
        <source>%1 asks for an allocation that no setting satisfies.</source>
        <translation>%1 verlangt eine Zuteilung, die keine Einstellung erfüllt.</translation>
    </message>
    <message>
        <source>%1 hit an internal error (please report it).</source>
        <translation>%1 ist auf einen internen Fehler gestoßen (bitte melden).</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The operation</source>
        <translation>Der Vorgang</translation>
    </message>
    <message>
        <source>The operation (tensor %1)</source>
        <translation>Der Vorgang (Tensor %1)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>“%1” (tensor %2)</source>
        <translation>„%1“ (Tensor %2)</translation>
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
        <translation>&lt;h2&gt;VeloxQuant Studio in fünf Schritten&lt;/h2&gt;&lt;p&gt;VeloxQuant Studio misst, wie sich Verfahren zur KV-Cache-Quantisierung auf echten Attention-Aktivierungen verhalten, und wählt, wie viele Bits jede Schicht und jeder Kopf bekommt.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Öffnen&lt;/b&gt;: einen KV-Dump laden – über &lt;i&gt;Datei ▸ Dump öffnen&lt;/i&gt; (Ctrl+O), eine zuletzt geöffnete Datei oder indem man eine .npz- oder .safetensors-Datei oder einen Ordner mit .npy-Dateien auf das Fenster zieht. Beim Start ist ein mitgeliefertes echtes Beispiel (TinyStories) geöffnet. Das Datensatz-Fenster listet Schichten, Köpfe, Tokens, Datentypen und Speicher auf.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Kalibrieren&lt;/b&gt; in der Ansicht &lt;i&gt;Sensitivität&lt;/i&gt;: eine Sonde, ein Verfahren und die Bitbreiten wählen, dann &lt;i&gt;Starten&lt;/i&gt; (F5). Jede Gruppe (Schicht × Kopf, Keys und Values) erhält für jede Bitbreite einen Fehler: Hohe Balken sind empfindliche Gruppen, die mehr Bits brauchen.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Zuteilen&lt;/b&gt; in der Ansicht &lt;i&gt;Zuteilung&lt;/i&gt;: die angestrebte mittlere Bitzahl festlegen und &lt;i&gt;Optimal&lt;/i&gt;, &lt;i&gt;RateQuant&lt;/i&gt; oder &lt;i&gt;Gleichmäßig&lt;/i&gt; ausführen. Einen Balken anklicken oder ziehen, um eine Gruppe von Hand zu ändern; jede Änderung lässt sich rückgängig machen (Ctrl+Z).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Prüfen&lt;/b&gt;: &lt;i&gt;Prüfen&lt;/i&gt; quantisiert den Dump mit der Zuteilung und misst die tatsächlichen Fehler; die Ansicht &lt;i&gt;Qualität&lt;/i&gt; vergleicht sie mit einer gleichmäßigen Zuteilung derselben Größe, die Ansicht &lt;i&gt;Speicher&lt;/i&gt; zeigt die Bytes im Vergleich zu fp16, und &lt;i&gt;Vergleich&lt;/i&gt; misst Verfahren nebeneinander.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exportieren&lt;/b&gt;: &lt;i&gt;Datei ▸ Exportieren&lt;/i&gt; schreibt die Zuteilung für llama.cpp, vLLM, Hugging Face, MLX oder VeloxQuant, und &lt;i&gt;Datei ▸ Sitzung speichern&lt;/i&gt; bewahrt Kalibrierung und Zuteilung auf (*.vqalloc.json).&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Die Ansicht Lernen&lt;/h3&gt;&lt;p&gt;Eine Schicht, einen KV-Kopf, Keys oder Values, ein Token und ein Verfahren wählen: Die Ansicht verfolgt diesen einen Vektor durch das Verfahren – die zufällige Rotation, das Histogramm der rotierten Koordinaten gegen die Dichte, für die das Codebuch entworfen wurde (mit Zentroiden und Entscheidungsgrenzen), die Rekonstruktion und ihren Fehler, die Attention der Query dieses Tokens mit den ursprünglichen und den quantisierten Keys oder Values, die Rate-Verzerrungs-Kurve gegen die Shannon-Grenze 4^−b und was Normkorrektur, QJL-Residuum, zweite RVQ-Stufe, Sink-Tokens und Ausreißerkanäle ändern. Mit ausgewähltem K die Bits von 4 auf 2 senken und zusehen, wie die Attention-Gewichte abdriften: Ein Fehler im Score wird durch die Softmax exponenziert – deshalb brauchen Keys mehr Bits als Values.&lt;/p&gt;&lt;h3&gt;Tipps&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Jede lange Berechnung läuft im Hintergrund; Esc bricht sie ab.&lt;/li&gt;&lt;li&gt;Diagramme: Ziehen zoomt, Doppelklick setzt zurück, Rechtsklick speichert als PNG/SVG oder kopiert.&lt;/li&gt;&lt;li&gt;Tabellen: Ctrl+C kopiert die ausgewählten Zellen; &lt;i&gt;Datei ▸ Exportieren&lt;/i&gt; schreibt die Tabelle einer Ansicht als CSV.&lt;/li&gt;&lt;li&gt;Ctrl+1 zeigt das Datensatz-Fenster, Ctrl+2 … die Ansichten in der Reihenfolge der Reiter.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>VeloxQuant Studio Guide</source>
        <translation>Anleitung zu VeloxQuant Studio</translation>
    </message>
    <message>
        <source>How to go from a KV dump to an exported bit allocation</source>
        <translation>Vom KV-Dump zur exportierten Bit-Zuteilung</translation>
    </message>
    <message>
        <source>VeloxQuant Studio &amp;Guide</source>
        <translation>&amp;Anleitung zu VeloxQuant Studio</translation>
    </message>
    <message>
        <source>The workflow from a KV dump to an exported allocation, and the Learn view</source>
        <translation>Der Ablauf vom KV-Dump bis zur exportierten Zuteilung und die Ansicht Lernen</translation>
    </message>
</context>
<context>
    <name>vq::ui::JobLogModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>vq::ui::JobPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job (Esc)</source>
        <translation>Den laufenden Auftrag anhalten (Esc)</translation>
    </message>
    <message>
        <source>%1 finished in %2 s</source>
        <translation>%1 nach %2 s beendet</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1… %2 s</source>
        <translation>%1 … %2 s</translation>
    </message>
</context>
<context>
    <name>vq::ui::Jobs</name>
    <message>
        <source>Allocation (%1)</source>
        <translation>Zuteilung (%1)</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
</context>
<context>
    <name>vq::ui::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop the selected running job (or every running job when none is selected)</source>
        <translation>Den ausgewählten laufenden Auftrag anhalten (oder alle laufenden, wenn keiner ausgewählt ist)</translation>
    </message>
    <message>
        <source>C&amp;lear Finished</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the runs that have finished from the log; running jobs stay.</source>
        <translation>Entfernt die abgeschlossenen Läufe aus dem Protokoll; laufende Jobs bleiben.</translation>
    </message>
</context>
<context>
    <name>vq::ui::LearnView</name>
    <message>
        <source>Unit vector before/after the rotation</source>
        <translation>Einheitsvektor vor/nach der Rotation</translation>
    </message>
    <message>
        <source>Unit vector (this method does not rotate; Π shown for comparison)</source>
        <translation>Einheitsvektor (dieses Verfahren rotiert nicht; Π zum Vergleich gezeigt)</translation>
    </message>
    <message>
        <source>coordinate</source>
        <translation>Koordinate</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>after rotation</source>
        <translation>nach der Rotation</translation>
    </message>
    <message>
        <source>±1/√d</source>
        <translation>±1/√d</translation>
    </message>
    <message>
        <source>Rotated coordinates vs the %1-bit codebook</source>
        <translation>Rotierte Koordinaten und das %1-Bit-Codebuch</translation>
    </message>
    <message>
        <source>Rotated coordinates (this method has no scalar codebook here)</source>
        <translation>Rotierte Koordinaten (dieses Verfahren hat hier kein skalares Codebuch)</translation>
    </message>
    <message>
        <source>unrotated</source>
        <translation>nicht rotiert</translation>
    </message>
    <message>
        <source>rotated</source>
        <translation>rotiert</translation>
    </message>
    <message>
        <source>N(0, 1/d) pdf</source>
        <translation>Dichte N(0, 1/d)</translation>
    </message>
    <message>
        <source>Beta pdf</source>
        <translation>Beta-Dichte</translation>
    </message>
    <message>
        <source>rotated unit coordinate</source>
        <translation>rotierte Einheitskoordinate</translation>
    </message>
    <message>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>boundaries</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>centroids</source>
        <translation>Zentroide</translation>
    </message>
    <message>
        <source>this token</source>
        <translation>dieses Token</translation>
    </message>
    <message>
        <source>Original vs decoded, per coordinate</source>
        <translation>Original und dekodiert, je Koordinate</translation>
    </message>
    <message>
        <source>original x</source>
        <translation>Original x</translation>
    </message>
    <message>
        <source>decoded x̂</source>
        <translation>dekodiert x̂</translation>
    </message>
    <message>
        <source>error x̂ − x</source>
        <translation>Fehler x̂ − x</translation>
    </message>
    <message>
        <source>No queries in this layer: attention cannot be shown</source>
        <translation>Keine Queries in dieser Schicht: Die Attention kann nicht gezeigt werden</translation>
    </message>
    <message>
        <source>Weights of query head %1, %2 quantized</source>
        <translation>Gewichte von Query-Kopf %1, %2 quantisiert</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>key position</source>
        <translation>Key-Position</translation>
    </message>
    <message>
        <source>weight p_j</source>
        <translation>Gewicht p_j</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>quantized K</source>
        <translation>K quantisiert</translation>
    </message>
    <message>
        <source>quantized V</source>
        <translation>V quantisiert</translation>
    </message>
    <message>
        <source>Rate–distortion of %1 on this head</source>
        <translation>Rate-Verzerrung von %1 auf diesem Kopf</translation>
    </message>
    <message>
        <source>bits per value (stored)</source>
        <translation>Bits pro Wert (gespeichert)</translation>
    </message>
    <message>
        <source>relative MSE (log)</source>
        <translation>relativer MSE (log)</translation>
    </message>
    <message>
        <source>4^−b limit</source>
        <translation>Grenze 4^−b</translation>
    </message>
    <message>
        <source>Lloyd–Max</source>
        <translation>Lloyd–Max</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>%1 bits per value, relative MSE %2</source>
        <translation>%1 Bits pro Wert, relativer MSE %2</translation>
    </message>
    <message>
        <source>Learn: quantizing one head</source>
        <translation>Lernen: Quantisierung eines Kopfes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 1 – rotate.&lt;/b&gt; The norm ‖x‖ is stored apart (fp16) and the unit vector x/‖x‖ is multiplied by a random rotation Π. A rotation keeps lengths and inner products, but it spreads the energy of a few large channels over all coordinates: after it every coordinate looks alike, so one fixed codebook fits all of them. Methods without a rotation quantize x as it is.</source>
        <translation>&lt;b&gt;Schritt 1 – rotieren.&lt;/b&gt; Die Norm ‖x‖ wird getrennt gespeichert (fp16), und der Einheitsvektor x/‖x‖ wird mit einer zufälligen Rotation Π multipliziert. Eine Rotation erhält Längen und Skalarprodukte, verteilt aber die Energie weniger großer Kanäle auf alle Koordinaten: Danach sehen alle Koordinaten gleich aus, sodass ein einziges festes Codebuch zu allen passt. Verfahren ohne Rotation quantisieren x so, wie es ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 2 – one codebook for every coordinate.&lt;/b&gt; Bars: all rotated coordinates of this head (every token). Curve: the density the codebook was designed for, one coordinate of a random unit vector in d dimensions (the exact Beta law, ≈ N(0, 1/d) for large d). Solid marks: the 2^b centroids; dashed: the decision boundaries. Each coordinate is replaced by the centroid of its cell. The thin outline is the same data without rotation: less regular, so a fixed codebook would fit it worse.</source>
        <translation>&lt;b&gt;Schritt 2 – ein Codebuch für jede Koordinate.&lt;/b&gt; Balken: alle rotierten Koordinaten dieses Kopfes (über alle Tokens). Kurve: die Dichte, für die das Codebuch entworfen wurde – die einer Koordinate eines zufälligen Einheitsvektors in d Dimensionen (exakt eine Beta-Verteilung, ≈ N(0, 1/d) für großes d). Durchgezogene Markierungen: die 2^b Zentroide; gestrichelt: die Entscheidungsgrenzen. Jede Koordinate wird durch den Zentroid ihrer Zelle ersetzt. Der dünne Umriss zeigt dieselben Daten ohne Rotation: Sie sind weniger regelmäßig, ein festes Codebuch würde schlechter zu ihnen passen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 3 – decode.&lt;/b&gt; The centroids are rotated back and multiplied by the stored norm. The chart shows the original coordinates, the decoded ones and their difference. A cosine similarity near 1 means the direction survived; the relative error is ‖x−x̂‖²/‖x‖². Bytes count everything stored for one vector (indices, norms, protection), against 2·d bytes in fp16.</source>
        <translation>&lt;b&gt;Schritt 3 – dekodieren.&lt;/b&gt; Die Zentroide werden zurückrotiert und mit der gespeicherten Norm multipliziert. Das Diagramm zeigt die ursprünglichen Koordinaten, die dekodierten und ihre Differenz. Eine Kosinus-Ähnlichkeit nahe 1 bedeutet, dass die Richtung erhalten blieb; der relative Fehler ist ‖x−x̂‖²/‖x‖². Die Bytes zählen alles, was für einen Vektor gespeichert wird (Indizes, Normen, Schutz), verglichen mit 2·d Bytes in fp16.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why keys are fragile.&lt;/b&gt; This token&apos;s query scores every earlier key, ℓ_j = ⟨q,k_j⟩/√d, and the weights are p = softmax(ℓ). An error Δ in one score multiplies that key&apos;s weight by e^Δ: key errors are exponentiated. Every bit less roughly doubles the score error, so at 2 bits the weights (orange) drift far from the original ones (blue) and attention reads the wrong tokens; at 4 bits they almost coincide. Compare the output error with V selected.</source>
        <translation>&lt;b&gt;Warum Keys empfindlich sind.&lt;/b&gt; Die Query dieses Tokens bewertet jeden früheren Key mit einem Score ℓ_j = ⟨q,k_j⟩/√d, und die Gewichte sind p = softmax(ℓ). Ein Fehler Δ in einem Score multipliziert das Gewicht dieses Keys mit e^Δ: Key-Fehler wirken im Exponenten. Jedes Bit weniger verdoppelt den Score-Fehler ungefähr, daher weichen die Gewichte (orange) bei 2 Bits weit von den ursprünglichen (blau) ab, und die Attention liest die falschen Tokens; bei 4 Bits fallen sie fast zusammen. Zum Vergleich V auswählen und den Ausgabefehler ansehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why values are tolerant.&lt;/b&gt; Quantized values leave the scores and weights unchanged (the two curves coincide); the output o = Σ p_j v_j only moves linearly with the value errors, and averaging over many tokens shrinks them further. That is why values can take fewer bits than keys for the same output error. Compare with K selected.</source>
        <translation>&lt;b&gt;Warum Values robust sind.&lt;/b&gt; Quantisierte Values lassen Scores und Gewichte unverändert (die beiden Kurven fallen zusammen); die Ausgabe o = Σ p_j v_j verschiebt sich nur linear mit den Value-Fehlern, und die Mittelung über viele Tokens verkleinert sie weiter. Deshalb kommen Values bei gleichem Ausgabefehler mit weniger Bits aus als Keys. Zum Vergleich K auswählen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rate and distortion.&lt;/b&gt; Each point is this method on this head, measured: relative MSE against the stored bits per value (norms included). Dotted: the Shannon limit 4^−b of a Gaussian source, which no quantizer beats. Dashed: the Lloyd–Max scalar quantizer, the best one coordinate at a time. One more bit divides the error by about 4. The ringed point is the current setting.</source>
        <translation>&lt;b&gt;Rate und Verzerrung.&lt;/b&gt; Jeder Punkt ist eine Messung dieses Verfahrens auf diesem Kopf: relativer MSE gegen die gespeicherten Bits pro Wert (Normen mitgezählt). Gepunktet: die Shannon-Grenze 4^−b einer gaußschen Quelle, die kein Quantisierer unterbietet. Gestrichelt: der skalare Lloyd–Max-Quantisierer, der beste, der eine Koordinate nach der anderen quantisiert. Ein Bit mehr teilt den Fehler etwa durch 4. Der umkreiste Punkt ist die aktuelle Einstellung.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What each option changes.&lt;/b&gt; Each option is measured off and on with everything else as selected. Norm correction stores ‖x‖/‖x̂‖ so decoded vectors keep their length; the QJL residual (turboquant_prod) adds 1 bit of signs that makes inner products unbiased; the second RVQ stage quantizes the residual again; sink tokens keep the first tokens in fp16; outlier channels keep the largest channels apart as int8. Bytes show what each costs.</source>
        <translation>&lt;b&gt;Was jede Option ändert.&lt;/b&gt; Jede Option wird aus- und eingeschaltet gemessen, alles andere wie ausgewählt. Die Normkorrektur speichert ‖x‖/‖x̂‖, damit dekodierte Vektoren ihre Länge behalten; das QJL-Residuum (turboquant_prod) fügt 1 Bit Vorzeichen hinzu, das Skalarprodukte erwartungstreu macht; die zweite RVQ-Stufe quantisiert das Residuum noch einmal; Sink-Tokens behalten die ersten Tokens in fp16; Ausreißerkanäle speichern die größten Kanäle getrennt als int8. Die Bytes zeigen, was jede Option kostet.</translation>
    </message>
    <message>
        <source>This dump has no queries for this layer, so attention cannot be shown. Open a dump that includes q tensors (e.g. the bundled sample) to see the effect on attention.</source>
        <translation>Dieser Dump enthält für diese Schicht keine Queries, daher kann die Attention nicht gezeigt werden. Einen Dump mit q-Tensoren öffnen (z. B. das mitgelieferte Beispiel), um die Wirkung auf die Attention zu sehen.</translation>
    </message>
    <message>
        <source>Norm correction</source>
        <translation>Normkorrektur</translation>
    </message>
    <message>
        <source>QJL residual</source>
        <translation>QJL-Residuum</translation>
    </message>
    <message>
        <source>Second RVQ stage</source>
        <translation>Zweite RVQ-Stufe</translation>
    </message>
    <message>
        <source>%1 sink tokens</source>
        <translation>%1 Sink-Tokens</translation>
    </message>
    <message>
        <source>%1 outlier channels</source>
        <translation>%1 Ausreißerkanäle</translation>
    </message>
    <message>
        <source>Layer of the dump whose keys or values are shown</source>
        <translation>Schicht des Dumps, deren Keys oder Values gezeigt werden</translation>
    </message>
    <message>
        <source>KV head of the layer (its query heads are used for the attention panel)</source>
        <translation>KV-Kopf der Schicht (seine Query-Köpfe dienen dem Attention-Bereich)</translation>
    </message>
    <message>
        <source>K (keys)</source>
        <translation>K (Keys)</translation>
    </message>
    <message>
        <source>V (values)</source>
        <translation>V (Values)</translation>
    </message>
    <message>
        <source>Quantize the keys or the values of this head; the attention panel shows why keys are more fragile</source>
        <translation>Die Keys oder die Values dieses Kopfes quantisieren; der Attention-Bereich zeigt, warum Keys empfindlicher sind</translation>
    </message>
    <message>
        <source>Token (position) whose vector is followed step by step; its query is used for the attention panel</source>
        <translation>Token (Position), dessen Vektor Schritt für Schritt verfolgt wird; seine Query dient dem Attention-Bereich</translation>
    </message>
    <message>
        <source>Quantization method (turboquant_mse, turboquant_prod and turboquant_rvq show every step)</source>
        <translation>Quantisierungsverfahren (turboquant_mse, turboquant_prod und turboquant_rvq zeigen jeden Schritt)</translation>
    </message>
    <message>
        <source>Bits per coordinate of the method&apos;s codebook (fixed formats have none)</source>
        <translation>Bits pro Koordinate im Codebuch des Verfahrens (feste Formate haben keine)</translation>
    </message>
    <message>
        <source>turboquant_mse: store ‖x‖/‖x̂_unit‖ instead of ‖x‖, so decoded vectors keep their length</source>
        <translation>turboquant_mse: ‖x‖/‖x̂_unit‖ statt ‖x‖ speichern, damit dekodierte Vektoren ihre Länge behalten</translation>
    </message>
    <message>
        <source>turboquant_prod: the 1-bit QJL sketch of the residual (off: its (b−1)-bit first stage alone)</source>
        <translation>turboquant_prod: die 1-Bit-QJL-Skizze des Residuums (aus: nur die erste Stufe mit b−1 Bits)</translation>
    </message>
    <message>
        <source>2nd RVQ stage</source>
        <translation>2. RVQ-Stufe</translation>
    </message>
    <message>
        <source>turboquant_rvq: quantize the first stage&apos;s residual again (off: stage 1 alone)</source>
        <translation>turboquant_rvq: das Residuum der ersten Stufe erneut quantisieren (aus: nur Stufe 1)</translation>
    </message>
    <message>
        <source>Sink tokens</source>
        <translation>Sink-Tokens</translation>
    </message>
    <message>
        <source>Keep the first %1 tokens (attention sinks) in fp16</source>
        <translation>Die ersten %1 Tokens (Attention-Sinks) in fp16 behalten</translation>
    </message>
    <message>
        <source>Outlier channels</source>
        <translation>Ausreißerkanäle</translation>
    </message>
    <message>
        <source>Keep the %1 channels with the largest mean |x| apart as int8 with a per-token scale</source>
        <translation>Die %1 Kanäle mit dem größten mittleren |x| getrennt als int8 mit einer Skala je Token speichern</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Schicht</translation>
    </message>
    <message>
        <source>KV &amp;head</source>
        <translation>KV-&amp;Kopf</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Verfahren</translation>
    </message>
    <message>
        <source>&amp;Bits</source>
        <translation>B&amp;its</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>Rel. err.</source>
        <translation>Rel. Fehler</translation>
    </message>
    <message>
        <source>Head MSE</source>
        <translation>Kopf-MSE</translation>
    </message>
    <message>
        <source>Out. err.</source>
        <translation>Ausg.-Fehler</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Each option measured off and on, everything else as selected</source>
        <translation>Jede Option aus- und eingeschaltet gemessen, alles andere wie ausgewählt</translation>
    </message>
    <message>
        <source>Cosine similarity and relative error ‖x−x̂‖²/‖x‖² of this vector, the head&apos;s mean relative MSE, and the bytes stored per vector</source>
        <translation>Kosinus-Ähnlichkeit und relativer Fehler ‖x−x̂‖²/‖x‖² dieses Vektors, der mittlere relative MSE des Kopfes und die pro Vektor gespeicherten Bytes</translation>
    </message>
    <message>
        <source>Score error relative to the spread of the scores, KL divergence of the weights and relative error of the attention output, over the query heads of this KV head</source>
        <translation>Score-Fehler relativ zur Streuung der Scores, KL-Divergenz der Gewichte und relativer Fehler der Attention-Ausgabe, über die Query-Köpfe dieses KV-Kopfes</translation>
    </message>
    <message>
        <source>1 · Rotation</source>
        <translation>1 · Rotation</translation>
    </message>
    <message>
        <source>2 · Codebook</source>
        <translation>2 · Codebuch</translation>
    </message>
    <message>
        <source>3 · Reconstruction</source>
        <translation>3 · Rekonstruktion</translation>
    </message>
    <message>
        <source>4 · Attention</source>
        <translation>4 · Attention</translation>
    </message>
    <message>
        <source>5 · Rate–distortion</source>
        <translation>5 · Rate-Verzerrung</translation>
    </message>
    <message>
        <source>6 · Options</source>
        <translation>6 · Optionen</translation>
    </message>
    <message>
        <source>Pick another method or bit-width, or another layer.</source>
        <translation>Ein anderes Verfahren, eine andere Bitbreite oder eine andere Schicht wählen.</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>fest</translation>
    </message>
    <message>
        <source>Open a dump (File → Open, or drop a file here) to follow one of its vectors through a method.</source>
        <translation>Einen Dump öffnen (Datei → Öffnen oder eine Datei hierher ziehen), um einen seiner Vektoren durch ein Verfahren zu verfolgen.</translation>
    </message>
    <message>
        <source>cosine &lt;b&gt;%1&lt;/b&gt; · relative error &lt;b&gt;%2&lt;/b&gt; · head rel. MSE %3&lt;br&gt;&lt;b&gt;%4&lt;/b&gt; bytes per vector (fp16: %5) · %6 bits per value%7</source>
        <translation>Kosinus &lt;b&gt;%1&lt;/b&gt; · relativer Fehler &lt;b&gt;%2&lt;/b&gt; · rel. MSE des Kopfes %3&lt;br&gt;&lt;b&gt;%4&lt;/b&gt; Bytes pro Vektor (fp16: %5) · %6 Bits pro Wert%7</translation>
    </message>
    <message>
        <source> · this token is kept in fp16</source>
        <translation> · dieses Token bleibt in fp16</translation>
    </message>
    <message>
        <source>score error &lt;b&gt;%1&lt;/b&gt; of the score spread · KL %2 nats · output error &lt;b&gt;%3&lt;/b&gt; · largest weight change ×%4</source>
        <translation>Score-Fehler &lt;b&gt;%1&lt;/b&gt; der Score-Streuung · KL %2 nats · Ausgabefehler &lt;b&gt;%3&lt;/b&gt; · größte Gewichtsänderung ×%4</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (ausgewählt)</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>nicht ausführbar: %1</translation>
    </message>
    <message>
        <source>Layer %1, KV head %2, %3, token %4 of %5 · ran %6 · head_dim %7</source>
        <translation>Schicht %1, KV-Kopf %2, %3, Token %4 von %5 · gerechnet: %6 · head_dim %7</translation>
    </message>
</context>
<context>
    <name>vq::ui::MainWindow</name>
    <message>
        <source>VeloxQuant allocations (*.vqalloc.json);;All files (*)</source>
        <translation>VeloxQuant-Zuteilungen (*.vqalloc.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Sess&amp;ion…</source>
        <translation>Sitzung ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Open a saved calibration and allocation (*.vqalloc.json) with its dump</source>
        <translation>Eine gespeicherte Kalibrierung und Zuteilung (*.vqalloc.json) mit ihrem Dump öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>Sitzung &amp;speichern</translation>
    </message>
    <message>
        <source>Save the calibration and allocation as a *.vqalloc.json file</source>
        <translation>Die Kalibrierung und Zuteilung als *.vqalloc.json-Datei speichern</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>Sitzung speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%1);;All files (*)</source>
        <translation>%1-Dateien (*.%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not export to %1:
%2</source>
        <translation>Export nach %1 nicht möglich:
%2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Exported with approximations</source>
        <translation>Mit Näherungen exportiert</translation>
    </message>
    <message>
        <source>%1 cannot express the allocation exactly:</source>
        <translation>%1 kann die Zuteilung nicht exakt ausdrücken:</translation>
    </message>
    <message>
        <source>Table as &amp;CSV…</source>
        <translation>Tabelle als &amp;CSV …</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>%1 konnte nicht geschrieben werden:
%2</translation>
    </message>
    <message>
        <source>Save the current view&apos;s table as CSV</source>
        <translation>Die Tabelle der aktuellen Ansicht als CSV speichern</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>%1 images (*.%2)</source>
        <translation>%1-Bilder (*.%2)</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG …</translation>
    </message>
    <message>
        <source>Chart as &amp;SVG…</source>
        <translation>Diagramm als &amp;SVG …</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Session opened</source>
        <translation>Sitzung geöffnet</translation>
    </message>
    <message>
        <source>The session was made on a dump that differs in some respects:</source>
        <translation>Die Sitzung wurde mit einem Dump erstellt, der in einigen Punkten abweicht:</translation>
    </message>
    <message>
        <source>Could not open session</source>
        <translation>Sitzung konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Nichts zu speichern</translation>
    </message>
    <message>
        <source>Calibrate the dump first: a session holds a calibration and its allocation.</source>
        <translation>Zuerst den Dump kalibrieren: Eine Sitzung enthält eine Kalibrierung und ihre Zuteilung.</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not save %1:
%2</source>
        <translation>%1 konnte nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Dump…</source>
        <translation>&amp;Dump öffnen …</translation>
    </message>
    <message>
        <source>Open a KV dump (.npz, .safetensors, .npy)</source>
        <translation>Einen KV-Dump öffnen (.npz, .safetensors, .npy)</translation>
    </message>
    <message>
        <source>Open &amp;Folder of .npy…</source>
        <translation>&amp;Ordner mit .npy öffnen …</translation>
    </message>
    <message>
        <source>Open a folder holding one .npy file per tensor</source>
        <translation>Einen Ordner mit einer .npy-Datei pro Tensor öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Copy &amp;Chart</source>
        <translation>&amp;Diagramm kopieren</translation>
    </message>
    <message>
        <source>Copy the current view&apos;s chart to the clipboard as an image</source>
        <translation>Das Diagramm der aktuellen Ansicht als Bild in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop the running job</source>
        <translation>Den laufenden Auftrag anhalten</translation>
    </message>
    <message>
        <source>Allocate &amp;Optimal</source>
        <translation>&amp;Optimal zuteilen</translation>
    </message>
    <message>
        <source>&amp;Verify Allocation</source>
        <translation>Zuteilung &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>&amp;Datensatz</translation>
    </message>
    <message>
        <source>Show the Dataset panel</source>
        <translation>Das Datensatz-Fenster zeigen</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <source>&lt;start&gt;</source>
        <translation>&lt;Anfang&gt;</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Open Folder of .npy Tensors</source>
        <translation>Ordner mit .npy-Tensoren öffnen</translation>
    </message>
    <message>
        <source>Open KV Dump</source>
        <translation>KV-Dump öffnen</translation>
    </message>
    <message>
        <source>KV dumps (*.npz *.safetensors *.npy);;All files (*)</source>
        <translation>KV-Dumps (*.npz *.safetensors *.npy);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Zuteilung</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Backend: probing…</source>
        <translation>Backend: wird ermittelt …</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not open dump</source>
        <translation>Dump konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n layer(s), K+V %2</source>
        <translation>
            <numerusform>%1: %n Schicht, K+V %2</numerusform>
            <numerusform>%1: %n Schichten, K+V %2</numerusform>
        </translation>
    </message>
    <message>
        <source>VeloxQuant Studio[*]</source>
        <translation>VeloxQuant Studio[*]</translation>
    </message>
    <message>
        <source>%1[*] — VeloxQuant Studio</source>
        <translation>%1[*] – VeloxQuant Studio</translation>
    </message>
    <message>
        <source>Probing devices</source>
        <translation>Geräte ermitteln</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The calibration or allocation has unsaved changes.
Do you want to save them before closing?</source>
        <translation>Die Kalibrierung oder Zuteilung hat ungespeicherte Änderungen.
Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Restored the unsaved session</source>
        <translation>Die ungespeicherte Sitzung wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>Restore unsaved session?</source>
        <translation>Ungespeicherte Sitzung wiederherstellen?</translation>
    </message>
    <message>
        <source>VeloxQuant Studio did not close normally. An allocation you edited and did not save was kept at %1.
Restore it?</source>
        <translation>VeloxQuant Studio wurde nicht normal beendet. Eine bearbeitete, nicht gespeicherte Zuteilung wurde unter %1 aufbewahrt.
Wiederherstellen?</translation>
    </message>
    <message>
        <source>Discard deletes it.</source>
        <translation>„Verwerfen“ löscht sie.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Theme, language, compute backend, device and worker threads</source>
        <translation>Farbschema, Sprache, Rechen-Backend, Gerät und Arbeits-Threads</translation>
    </message>
    <message>
        <source>Show the log of background jobs</source>
        <translation>Das Protokoll der Hintergrundaufträge zeigen</translation>
    </message>
</context>
<context>
    <name>vq::ui::MemoryModel</name>
    <message>
        <source>%1 tok × %2</source>
        <translation>%1 Tok. × %2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
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
        <translation>fp16 bei %1</translation>
    </message>
    <message>
        <source>K+V at %1</source>
        <translation>K+V bei %1</translation>
    </message>
    <message>
        <source>Exact stored bytes of the allocation at the dump&apos;s length</source>
        <translation>Exakt gespeicherte Bytes der Zuteilung bei der Länge des Dumps</translation>
    </message>
</context>
<context>
    <name>vq::ui::MemoryView</name>
    <message>
        <source>&lt;b&gt;Layer %1&lt;/b&gt; (%2 tokens)&lt;br&gt;%3: %4 %5</source>
        <translation>&lt;b&gt;Schicht %1&lt;/b&gt; (%2 Tokens)&lt;br&gt;%3: %4 %5</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>batch </source>
        <translation>Batch </translation>
    </message>
    <message>
        <source>Chart the projection</source>
        <translation>Hochrechnung im Diagramm</translation>
    </message>
    <message>
        <source>Project to</source>
        <translation>Hochrechnen auf</translation>
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
        <translation>Bytes</translation>
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
        <translation>Zuteilung K</translation>
    </message>
    <message>
        <source>allocation V</source>
        <translation>Zuteilung V</translation>
    </message>
    <message>
        <source>allocation K+V</source>
        <translation>Zuteilung K+V</translation>
    </message>
    <message>
        <source>Bytes per layer at %1 tokens × batch %2</source>
        <translation>Bytes pro Schicht bei %1 Tokens × Batch %2</translation>
    </message>
    <message>
        <source>Bytes per layer at the dump&apos;s length</source>
        <translation>Bytes pro Schicht bei der Länge des Dumps</translation>
    </message>
    <message>
        <source>%1 tokens × batch %2</source>
        <translation>%1 Tokens × Batch %2</translation>
    </message>
    <message>
        <source>fp16 K+V: %1 at the dump&apos;s length, %2 at %3. Calibrate and allocate to compare.</source>
        <translation>fp16 K+V: %1 bei der Länge des Dumps, %2 bei %3. Zum Vergleichen kalibrieren und zuteilen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Allocation %1&lt;/b&gt; vs fp16 %2 (%3× smaller) at the dump&apos;s length · at %4: &lt;b&gt;%5&lt;/b&gt; vs fp16 %6</source>
        <translation>&lt;b&gt;Zuteilung %1&lt;/b&gt; gegen fp16 %2 (%3× kleiner) bei der Länge des Dumps · bei %4: &lt;b&gt;%5&lt;/b&gt; gegen fp16 %6</translation>
    </message>
    <message>
        <source>Context length to project the KV-cache memory to</source>
        <translation>Kontextlänge, auf die der Speicher des KV-Caches hochgerechnet wird</translation>
    </message>
    <message>
        <source>Sequences held at once (the projection multiplies by it)</source>
        <translation>Gleichzeitig gehaltene Sequenzen (die Hochrechnung multipliziert damit)</translation>
    </message>
    <message>
        <source>Chart the bytes at the projected context and batch instead of the dump&apos;s own size</source>
        <translation>Im Diagramm die Bytes bei hochgerechnetem Kontext und Batch statt bei der Größe des Dumps zeigen</translation>
    </message>
    <message>
        <source>Open a dump (File → Open, or drop it on the window) to see its memory.</source>
        <translation>Einen Dump öffnen (Datei → Öffnen oder auf das Fenster ziehen), um seinen Speicherbedarf zu sehen.</translation>
    </message>
</context>
<context>
    <name>vq::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language applies after a restart.</source>
        <translation>Die Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnung</translation>
    </message>
    <message>
        <source>Automatic (Vulkan when a GPU qualifies, else CPU)</source>
        <translation>Automatisch (Vulkan, wenn eine GPU geeignet ist, sonst CPU)</translation>
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
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>No Vulkan device found: %1</source>
        <translation>Kein Vulkan-Gerät gefunden: %1</translation>
    </message>
    <message>
        <source>none reported</source>
        <translation>kein Grund gemeldet</translation>
    </message>
    <message>
        <source>Automatic picks the first discrete, else integrated GPU.</source>
        <translation>„Automatisch“ wählt die erste dedizierte GPU, sonst die integrierte.</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>CPU threads for calibration, allocation and evaluation jobs</source>
        <translation>CPU-Threads für Kalibrierungs-, Zuteilungs- und Auswertungsaufträge</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>&amp;Arbeits-Threads:</translation>
    </message>
    <message>
        <source>Backend and device apply to the next job.</source>
        <translation>Backend und Gerät gelten ab dem nächsten Auftrag.</translation>
    </message>
    <message>
        <source>%1: not found on this machine</source>
        <translation>%1: auf diesem Rechner nicht gefunden</translation>
    </message>
</context>
<context>
    <name>vq::ui::QualityModel</name>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>bpv uniform</source>
        <translation>bpv gleichm.</translation>
    </message>
    <message>
        <source>bpv alloc.</source>
        <translation>bpv Zut.</translation>
    </message>
    <message>
        <source>K cos uniform</source>
        <translation>K cos gleichm.</translation>
    </message>
    <message>
        <source>K cos alloc.</source>
        <translation>K cos Zut.</translation>
    </message>
    <message>
        <source>V cos uniform</source>
        <translation>V cos gleichm.</translation>
    </message>
    <message>
        <source>V cos alloc.</source>
        <translation>V cos Zut.</translation>
    </message>
    <message>
        <source>K MSE uniform</source>
        <translation>K MSE gleichm.</translation>
    </message>
    <message>
        <source>K MSE alloc.</source>
        <translation>K MSE Zut.</translation>
    </message>
    <message>
        <source>V MSE uniform</source>
        <translation>V MSE gleichm.</translation>
    </message>
    <message>
        <source>V MSE alloc.</source>
        <translation>V MSE Zut.</translation>
    </message>
    <message>
        <source>Output err. uniform</source>
        <translation>Ausgabef. gleichm.</translation>
    </message>
    <message>
        <source>Output err. alloc.</source>
        <translation>Ausgabef. Zut.</translation>
    </message>
    <message>
        <source>Δ output err.</source>
        <translation>Δ Ausgabef.</translation>
    </message>
    <message>
        <source>Mean relative MSE ‖x−x̂‖²/‖x‖² of the layer&apos;s vectors</source>
        <translation>Mittlerer relativer MSE ‖x−x̂‖²/‖x‖² der Vektoren der Schicht</translation>
    </message>
    <message>
        <source>Attention output error ‖o−ô‖²/‖o‖² of the layer&apos;s real queries, K̂ and V̂ together</source>
        <translation>Attention-Ausgabefehler ‖o−ô‖²/‖o‖² der echten Queries der Schicht, K̂ und V̂ zusammen</translation>
    </message>
    <message>
        <source>Mean cosine similarity of original and reconstructed vectors</source>
        <translation>Mittlere Kosinus-Ähnlichkeit von ursprünglichen und rekonstruierten Vektoren</translation>
    </message>
</context>
<context>
    <name>vq::ui::QualityView</name>
    <message>
        <source>&lt;b&gt;Layer %1&lt;/b&gt;&lt;br&gt;%2: %3</source>
        <translation>&lt;b&gt;Schicht %1&lt;/b&gt;&lt;br&gt;%2: %3</translation>
    </message>
    <message>
        <source>Attention output error</source>
        <translation>Attention-Ausgabefehler</translation>
    </message>
    <message>
        <source>Key relative MSE</source>
        <translation>Relativer MSE der Keys</translation>
    </message>
    <message>
        <source>Value relative MSE</source>
        <translation>Relativer MSE der Values</translation>
    </message>
    <message>
        <source>Key 1 − cosine</source>
        <translation>Key 1 − Kosinus</translation>
    </message>
    <message>
        <source>Value 1 − cosine</source>
        <translation>Value 1 − Kosinus</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messen</translation>
    </message>
    <message>
        <source>Quantize every layer as allocated and as uniform at the same target, and measure</source>
        <translation>Jede Schicht wie zugeteilt und gleichmäßig beim selben Ziel quantisieren und messen</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen …</translation>
    </message>
    <message>
        <source>Calibrate and allocate first; then Measure compares the allocation with uniform per layer.</source>
        <translation>Zuerst kalibrieren und zuteilen; dann vergleicht „Messen“ die Zuteilung je Schicht mit gleichmäßig.</translation>
    </message>
    <message>
        <source>Measure compares the allocation with the uniform setting at the same target, per layer.</source>
        <translation>„Messen“ vergleicht die Zuteilung je Schicht mit der gleichmäßigen Einstellung beim selben Ziel.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The allocation changed since it was measured&lt;/b&gt;: Measure again.</source>
        <translation>&lt;b&gt;Die Zuteilung hat sich seit der Messung geändert&lt;/b&gt;: erneut messen.</translation>
    </message>
    <message>
        <source>Measured: &lt;b&gt;%1&lt;/b&gt; allocation vs &lt;b&gt;uniform&lt;/b&gt; at %2 %3</source>
        <translation>Gemessen: Zuteilung &lt;b&gt;%1&lt;/b&gt; gegen &lt;b&gt;gleichmäßig&lt;/b&gt; bei %2 %3</translation>
    </message>
    <message>
        <source>bits/value</source>
        <translation>Bits/Wert</translation>
    </message>
    <message>
        <source>bpv</source>
        <translation>bpv</translation>
    </message>
    <message>
        <source> · whole dump attention output error: uniform %1, allocation &lt;b&gt;%2&lt;/b&gt;</source>
        <translation> · Attention-Ausgabefehler des ganzen Dumps: gleichmäßig %1, Zuteilung &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>gleichmäßig</translation>
    </message>
    <message>
        <source>allocation</source>
        <translation>Zuteilung</translation>
    </message>
    <message>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <source>%1 per layer: uniform vs allocation</source>
        <translation>%1 je Schicht: gleichmäßig gegen Zuteilung</translation>
    </message>
    <message>
        <source>The error per layer shown on the chart</source>
        <translation>Der im Diagramm gezeigte Fehler je Schicht</translation>
    </message>
    <message>
        <source>Logarithmic value axis</source>
        <translation>Logarithmische Werteachse</translation>
    </message>
</context>
<context>
    <name>vq::ui::ScreenshotTour</name>
    <message>
        <source>could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>vq::ui::SensitivityChart</name>
    <message>
        <source>Distortion D per group</source>
        <translation>Verzerrung D je Gruppe</translation>
    </message>
    <message>
        <source>Weighted distortion w·D per group</source>
        <translation>Gewichtete Verzerrung w·D je Gruppe</translation>
    </message>
    <message>
        <source>Weight / probe score per group</source>
        <translation>Gewicht / Sondenwert je Gruppe</translation>
    </message>
    <message>
        <source>Fitted β per group</source>
        <translation>Angepasstes β je Gruppe</translation>
    </message>
    <message>
        <source>No calibration yet: choose a probe and a menu, then Run (F5)</source>
        <translation>Noch keine Kalibrierung: Sonde und Menü wählen, dann starten (F5)</translation>
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
        <translation>&lt;br&gt;α = %1, β = %2, R² = %3</translation>
    </message>
</context>
<context>
    <name>vq::ui::SensitivityModel</name>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>%1 with %2: D = %3 at %4 bits per value</source>
        <translation>%1 mit %2: D = %3 bei %4 Bits pro Wert</translation>
    </message>
    <message>
        <source>Unnormalised until the run ends</source>
        <translation>Bis zum Ende des Laufs nicht normiert</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n Wert</numerusform>
            <numerusform>%n Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
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
        <translation>Wert w</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>Gewicht w</translation>
    </message>
    <message>
        <source>Model curve β^−rate for %1 (not a measurement)</source>
        <translation>Modellkurve β^−Rate für %1 (keine Messung)</translation>
    </message>
    <message>
        <source>Measured distortion with %1</source>
        <translation>Gemessene Verzerrung mit %1</translation>
    </message>
    <message>
        <source>Least-squares fit of ln D = ln α − bpv·ln β</source>
        <translation>Kleinste-Quadrate-Anpassung von ln D = ln α − bpv·ln β</translation>
    </message>
    <message>
        <source>Mean squared key norm (VeloxQuant-MLX&apos;s proxy)</source>
        <translation>Mittlere quadrierte Key-Norm (Näherung von VeloxQuant-MLX)</translation>
    </message>
    <message>
        <source>Attention output error per unit of input noise × the group&apos;s share of the output</source>
        <translation>Attention-Ausgabefehler je Einheit Eingangsrauschen × Anteil der Gruppe an der Ausgabe</translation>
    </message>
    <message>
        <source>The group&apos;s share of the attention output energy (or of the values)</source>
        <translation>Anteil der Gruppe an der Energie der Attention-Ausgabe (oder der Values)</translation>
    </message>
</context>
<context>
    <name>vq::ui::SensitivityView</name>
    <message>
        <source>Not a bit-width: “%1”</source>
        <translation>Keine Bitbreite: „%1“</translation>
    </message>
    <message>
        <source>Empirical (measured)</source>
        <translation>Empirisch (gemessen)</translation>
    </message>
    <message>
        <source>Perturb (noise)</source>
        <translation>Störung (Rauschen)</translation>
    </message>
    <message>
        <source>Key norm (proxy)</source>
        <translation>Key-Norm (Näherung)</translation>
    </message>
    <message>
        <source>empirical: quantize each group with each menu entry and measure the attention output error;
perturb: attention output change per unit of Gaussian noise;
keynorm: VeloxQuant-MLX&apos;s mean ‖k‖² proxy (cheap, often wrong)</source>
        <translation>empirical: jede Gruppe mit jedem Menüeintrag quantisieren und den Attention-Ausgabefehler messen;
perturb: Änderung der Attention-Ausgabe je Einheit Gaußschen Rauschens;
keynorm: die Näherung mittleres ‖k‖² von VeloxQuant-MLX (billig, oft falsch)</translation>
    </message>
    <message>
        <source>Formats…</source>
        <translation>Formate …</translation>
    </message>
    <message>
        <source>The menu: one method&apos;s bit-widths, or a list of named formats</source>
        <translation>Das Menü: die Bitbreiten eines Verfahrens oder eine Liste benannter Formate</translation>
    </message>
    <message>
        <source>Layer × head</source>
        <translation>Schicht × Kopf</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>K, V separate</source>
        <translation>K, V getrennt</translation>
    </message>
    <message>
        <source>K+V joint</source>
        <translation>K+V gemeinsam</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Query positions sampled per head for the attention metric (0: all)</source>
        <translation>Je Kopf gezogene Query-Positionen für die Attention-Metrik (0: alle)</translation>
    </message>
    <message>
        <source>&amp;Run Calibration</source>
        <translation>&amp;Kalibrierung starten</translation>
    </message>
    <message>
        <source>Calibrate the open dump with these settings (F5)</source>
        <translation>Den geöffneten Dump mit diesen Einstellungen kalibrieren (F5)</translation>
    </message>
    <message>
        <source>Run (F5)</source>
        <translation>Starten (F5)</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>&amp;Sonde</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>&amp;Menü</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Gruppen</translation>
    </message>
    <message>
        <source>&amp;Queries</source>
        <translation>&amp;Queries</translation>
    </message>
    <message>
        <source>Distortion D</source>
        <translation>Verzerrung D</translation>
    </message>
    <message>
        <source>Weighted w·D</source>
        <translation>Gewichtet w·D</translation>
    </message>
    <message>
        <source>Weight / score w</source>
        <translation>Gewicht / Wert w</translation>
    </message>
    <message>
        <source>Fitted β</source>
        <translation>Angepasstes β</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>at</source>
        <translation>bei</translation>
    </message>
    <message>
        <source>Comma-separated formats, e.g. q4_0,q8_0,fp16 or turboquant_mse:3. llama.cpp block formats span all heads of a layer: use Layer groups.</source>
        <translation>Kommagetrennte Formate, z. B. q4_0,q8_0,fp16 oder turboquant_mse:3. Die Blockformate von llama.cpp umfassen alle Köpfe einer Schicht: Gruppen „Schicht“ verwenden.</translation>
    </message>
    <message>
        <source>Bit-widths of %1 (it offers %2)</source>
        <translation>Bitbreiten von %1 (es bietet %2)</translation>
    </message>
    <message>
        <source>Calibrating…</source>
        <translation>Wird kalibriert …</translation>
    </message>
    <message numerus="yes">
        <source>Calibrated %n group(s)</source>
        <translation>
            <numerusform>%n Gruppe kalibriert</numerusform>
            <numerusform>%n Gruppen kalibriert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; the previous calibration is kept.</source>
        <translation>Abgebrochen; die vorherige Kalibrierung bleibt erhalten.</translation>
    </message>
    <message>
        <source>Choose a probe and a menu, then Run (F5).</source>
        <translation>Sonde und Menü wählen, dann starten (F5).</translation>
    </message>
    <message>
        <source>Open a dump first (File → Open, or drop it on the window).</source>
        <translation>Zuerst einen Dump öffnen (Datei → Öffnen oder auf das Fenster ziehen).</translation>
    </message>
    <message numerus="yes">
        <source>%1 probe, %2 metric, %n group(s)</source>
        <translation>
            <numerusform>Sonde %1, Metrik %2, %n Gruppe</numerusform>
            <numerusform>Sonde %1, Metrik %2, %n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 query positions per head</source>
        <translation>; %1 Query-Positionen je Kopf</translation>
    </message>
    <message>
        <source>Bit-widths (or formats) of the menu each group is measured at</source>
        <translation>Bitbreiten (oder Formate) des Menüs, bei denen jede Gruppe gemessen wird</translation>
    </message>
    <message>
        <source>One group per layer and KV head, or one per layer (what a runtime can allocate)</source>
        <translation>Eine Gruppe je Schicht und KV-Kopf oder eine je Schicht (was eine Laufzeitumgebung zuteilen kann)</translation>
    </message>
    <message>
        <source>Keys and values as separate groups (they get their own bits), or together</source>
        <translation>Keys und Values als getrennte Gruppen (sie bekommen eigene Bits) oder gemeinsam</translation>
    </message>
    <message>
        <source>Calibrate the open dump with these settings (F5); Esc cancels</source>
        <translation>Den geöffneten Dump mit diesen Einstellungen kalibrieren (F5); Esc bricht ab</translation>
    </message>
    <message>
        <source>What the bars show: the measured distortion, weighted by the group&apos;s importance, the weight, or the fitted slope β</source>
        <translation>Was die Balken zeigen: die gemessene Verzerrung, diese gewichtet mit der Bedeutung der Gruppe, das Gewicht oder die angepasste Steigung β</translation>
    </message>
    <message>
        <source>The menu entry (bit-width or format) whose measurement the bars show</source>
        <translation>Der Menüeintrag (Bitbreite oder Format), dessen Messung die Balken zeigen</translation>
    </message>
    <message>
        <source>Logarithmic value axis (small and large errors side by side)</source>
        <translation>Logarithmische Werteachse (kleine und große Fehler nebeneinander)</translation>
    </message>
    <message>
        <source>The menu entry whose distortion is shown</source>
        <translation>Der Menüeintrag, dessen Verzerrung gezeigt wird</translation>
    </message>
    <message>
        <source>(no menu)</source>
        <translation>(kein Menü)</translation>
    </message>
    <message>
        <source>The menu is not valid yet: %1</source>
        <translation>Das Menü ist noch nicht gültig: %1</translation>
    </message>
</context>
<context>
    <name>vq::ui::SessionFiles</name>
    <message>
        <source>The dump this session was made from (%1) was not found; open that dump first (File → Open Dump), then the session again.</source>
        <translation>Der Dump, aus dem diese Sitzung entstand (%1), wurde nicht gefunden; zuerst diesen Dump öffnen (Datei → Dump öffnen), dann erneut die Sitzung.</translation>
    </message>
    <message>
        <source>There is no allocation to save: calibrate first.</source>
        <translation>Es gibt keine Zuteilung zum Speichern: zuerst kalibrieren.</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
    <message>
        <source>The session file keeps no calibration table (groups[].table).</source>
        <translation>Die Sitzungsdatei enthält keine Kalibrierungstabelle (groups[].table).</translation>
    </message>
    <message>
        <source>There is no allocation to export: calibrate first.</source>
        <translation>Es gibt keine Zuteilung zum Exportieren: zuerst kalibrieren.</translation>
    </message>
    <message>
        <source>VeloxQuant-MLX bit list</source>
        <translation>VeloxQuant-MLX-Bitliste</translation>
    </message>
    <message>
        <source>VeloxQuant-MLX bit dictionary</source>
        <translation>VeloxQuant-MLX-Bitwörterbuch</translation>
    </message>
    <message>
        <source>KVTuner per-layer config</source>
        <translation>KVTuner-Konfiguration je Schicht</translation>
    </message>
    <message>
        <source>vLLM engine arguments</source>
        <translation>vLLM-Engine-Argumente</translation>
    </message>
    <message>
        <source>llama.cpp cache types</source>
        <translation>llama.cpp-Cache-Typen</translation>
    </message>
    <message>
        <source>transformers QuantizedCache config</source>
        <translation>transformers-QuantizedCache-Konfiguration</translation>
    </message>
    <message>
        <source>mlx_lm options</source>
        <translation>mlx_lm-Optionen</translation>
    </message>
</context>
<context>
    <name>vq::ui::SetGroupChoiceCommand</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>vq::ui::SetGroupsChoiceCommand</name>
    <message numerus="yes">
        <source>%n group(s) → %1</source>
        <translation>
            <numerusform>%n Gruppe → %1</numerusform>
            <numerusform>%n Gruppen → %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vq::ui::TableView</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy Whole Table</source>
        <translation>Ganze Tabelle kopieren</translation>
    </message>
</context>
</TS>
