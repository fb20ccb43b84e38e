/** Colours and text styles the screen's charts share, tuned for a dark wall display. */
export const CHART_TEXT = '#9cc3e6';
export const CHART_LINE = 'rgba(79, 195, 247, 0.18)';
export const PALETTE = ['#36e2ff', '#3d7eff', '#7c5cff', '#22d39a', '#fadb14', '#fa8c16', '#ff4d8d', '#5cdbd3', '#9254de', '#69b1ff', '#ffc069', '#95de64', '#adc6ff'];

export const tooltipStyle = {
  backgroundColor: 'rgba(6, 22, 48, 0.92)',
  borderColor: 'rgba(54, 226, 255, 0.5)',
  textStyle: { color: '#e6f4ff', fontSize: 16 },
};
