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
        <source>No allocation yet: calibrate first</source>
        <translation>Noch keine Zuteilung: zuerst kalibrieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 bpv stored&lt;br&gt;predicted D = %4&lt;br&gt;w = %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 bpv gespeichert&lt;br&gt;vorhergesagtes D = %4&lt;br&gt;w = %5</translation>
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
        <source>No allocation.</source>
        <translation>Keine Zuteilung.</translation>
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
        <source>Open a dump first.</source>
        <translation>Zuerst einen Dump öffnen.</translation>
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
        <source>The allocation does not cover layer %1.</source>
        <translation>Die Zuteilung deckt Schicht %1 nicht ab.</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
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
        <source>&amp;About VeloxQuant Studio</source>
        <translation>&amp;Über VeloxQuant Studio</translation>
    </message>
    <message>
        <source>About VeloxQuant Studio</source>
        <translation>Über VeloxQuant Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VeloxQuant Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for KV-cache quantization of large language models: load real attention activations, measure methods, allocate bits and export allocation files.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VeloxQuant Studio %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für die KV-Cache-Quantisierung großer Sprachmodelle: echte Attention-Aktivierungen laden, Verfahren messen, Bits zuteilen und Zuteilungsdateien exportieren.&lt;/p&gt;</translation>
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
        <source>%1 · Vulkan device %2 (no Vulkan backend in this build)</source>
        <translation>%1 · Vulkan-Gerät %2 (kein Vulkan-Backend in diesem Build)</translation>
    </message>
    <message>
        <source>no GPU qualifies</source>
        <translation>keine GPU ist geeignet</translation>
    </message>
    <message>
        <source>%1 (Vulkan unavailable: %2)</source>
        <translation>%1 (Vulkan nicht verfügbar: %2)</translation>
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
        <source>Open a dump to see its memory.</source>
        <translation>Einen Dump öffnen, um seinen Speicherbedarf zu sehen.</translation>
    </message>
    <message>
        <source>fp16 K+V: %1 at the dump&apos;s length, %2 at %3. Calibrate and allocate to compare.</source>
        <translation>fp16 K+V: %1 bei der Länge des Dumps, %2 bei %3. Zum Vergleichen kalibrieren und zuteilen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Allocation %1&lt;/b&gt; vs fp16 %2 (%3× smaller) at the dump&apos;s length · at %4: &lt;b&gt;%5&lt;/b&gt; vs fp16 %6</source>
        <translation>&lt;b&gt;Zuteilung %1&lt;/b&gt; gegen fp16 %2 (%3× kleiner) bei der Länge des Dumps · bei %4: &lt;b&gt;%5&lt;/b&gt; gegen fp16 %6</translation>
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
