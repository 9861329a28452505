// File pickers labelled in Chinese (importers/widgets/file_input.html): name the chosen files beside the button.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!input.classList || !input.classList.contains("nr-file-native")) return;
  const names = input.closest(".nr-file-pick").querySelector(".nr-file-names");
  const files = Array.from(input.files || []).map((file) => file.name);
  names.textContent = files.length ? `已选 ${files.length} 个文件:${files.join("、")}` : names.dataset.empty;
});
